package org.muster.app.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.util.ServiceLoader;
import java.util.Set;
import org.muster.app.internal.plugins.Plugins;
import org.muster.models.spi.ModelFamily;

/**
 * Binds every model family into a set — the application's own, found by {@link ServiceLoader}, then
 * the plugins' — and a registry over it.
 */
public final class ModelFamiliesModule extends AbstractModule {

    private final Plugins plugins;

    /** The application's families only. */
    public ModelFamiliesModule() {
        this(Plugins.none());
    }

    public ModelFamiliesModule(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    protected void configure() {
        Multibinder<ModelFamily> families = Multibinder.newSetBinder(binder(), ModelFamily.class);
        // Multibinder keeps binding order, so the registry sees the application's families first.
        for (ModelFamily family : ServiceLoader.load(ModelFamily.class)) {
            families.addBinding().toInstance(family);
        }
        for (ModelFamily family : plugins.families()) {
            families.addBinding().toInstance(family);
        }
    }

    @Provides
    @Singleton
    ProviderRegistry<ModelFamily> registry(Set<ModelFamily> families) {
        return new ProviderRegistry<>("model family", families, ModelFamily::id, plugins);
    }
}
