package org.muster.app.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.util.ServiceLoader;
import java.util.Set;
import org.muster.models.spi.ModelFamily;

/** Binds every model family found by {@link ServiceLoader} into a set, and a registry over it. */
public final class ModelFamiliesModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder<ModelFamily> families = Multibinder.newSetBinder(binder(), ModelFamily.class);
        for (ModelFamily family : ServiceLoader.load(ModelFamily.class)) {
            families.addBinding().toInstance(family);
        }
    }

    @Provides
    @Singleton
    ProviderRegistry<ModelFamily> registry(Set<ModelFamily> families) {
        return new ProviderRegistry<>("model family", families, ModelFamily::id);
    }
}
