package org.muster.app.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.util.ServiceLoader;
import java.util.Set;
import org.muster.core.spi.InferenceMethodProvider;

/** Binds every inference method found by {@link ServiceLoader} into a set, and a registry over it. */
public final class InferenceMethodsModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder<InferenceMethodProvider> methods = Multibinder.newSetBinder(binder(), InferenceMethodProvider.class);
        for (InferenceMethodProvider provider : ServiceLoader.load(InferenceMethodProvider.class)) {
            methods.addBinding().toInstance(provider);
        }
    }

    @Provides
    @Singleton
    ProviderRegistry<InferenceMethodProvider> registry(Set<InferenceMethodProvider> providers) {
        return new ProviderRegistry<>("inference method", providers, InferenceMethodProvider::id);
    }
}
