package org.muster.app.internal.cli;

import com.google.inject.Injector;
import picocli.CommandLine;

/** Lets picocli create commands through Guice, so commands get their collaborators injected. */
final class GuiceFactory implements CommandLine.IFactory {

    private final Injector injector;

    GuiceFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return injector.getInstance(type);
        } catch (com.google.inject.ConfigurationException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
