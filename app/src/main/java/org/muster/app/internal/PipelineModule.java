package org.muster.app.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.muster.app.api.FitPipeline;
import org.muster.app.api.ModelLoader;
import org.muster.app.api.OutputWriter;
import org.muster.app.internal.plugins.Plugins;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.models.spi.ModelFamily;

/**
 * Binds every output writer into a set — the application's own, found by {@link ServiceLoader} in the
 * order they are declared, then the plugins' — and the one fit pipeline over the registries of
 * families and methods, the chain executor and the writers.
 */
public final class PipelineModule extends AbstractModule {

    private final Plugins plugins;

    /** The application's writers only. */
    public PipelineModule() {
        this(Plugins.none());
    }

    public PipelineModule(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    protected void configure() {
        Multibinder<OutputWriter> writers = Multibinder.newSetBinder(binder(), OutputWriter.class);
        for (OutputWriter writer : FitPipeline.standardWriters()) {
            writers.addBinding().toInstance(writer);
        }
        for (OutputWriter writer : plugins.writers()) {
            writers.addBinding().toInstance(writer);
        }
    }

    @Provides
    @Singleton
    FitPipeline pipeline(ProviderRegistry<ModelFamily> families, ProviderRegistry<InferenceMethodProvider> methods,
            ExecutorService executor, Set<OutputWriter> writers) {
        return new FitPipeline(ModelLoader.families(families::require), methods::require, executor, List.copyOf(writers));
    }
}
