package org.muster.app.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.util.ServiceLoader;
import java.util.Set;
import org.muster.app.internal.plugins.Plugins;
import org.muster.core.spi.InferenceMethodProvider;

/**
 * Binds every inference method into a set — the application's own, found by {@link ServiceLoader},
 * then the plugins' — and a registry over it.
 */
public final class InferenceMethodsModule extends AbstractModule {

    private final Plugins plugins;

    /** The application's methods only. */
    public InferenceMethodsModule() {
        this(Plugins.none());
    }

    public InferenceMethodsModule(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    protected void configure() {
        Multibinder<InferenceMethodProvider> methods = Multibinder.newSetBinder(binder(), InferenceMethodProvider.class);
        // Multibinder keeps binding order, so the registry sees the application's providers first.
        for (InferenceMethodProvider provider : ServiceLoader.load(InferenceMethodProvider.class)) {
            methods.addBinding().toInstance(provider);
        }
        for (InferenceMethodProvider provider : plugins.methods()) {
            methods.addBinding().toInstance(provider);
        }
    }

    @Provides
    @Singleton
    ProviderRegistry<InferenceMethodProvider> registry(Set<InferenceMethodProvider> providers) {
        return new ProviderRegistry<>("inference method", providers, InferenceMethodProvider::id, plugins);
    }
}
