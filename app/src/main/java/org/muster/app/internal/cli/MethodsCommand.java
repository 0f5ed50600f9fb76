package org.muster.app.internal.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import org.muster.app.internal.ProviderRegistry;
import org.muster.core.spi.InferenceMethodProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the inference methods. */
@Command(name = "methods", mixinStandardHelpOptions = true, description = "List the inference methods.")
final class MethodsCommand implements Runnable {

    private final ProviderRegistry<InferenceMethodProvider> methods;

    @Spec
    private CommandSpec spec;

    @Inject
    MethodsCommand(ProviderRegistry<InferenceMethodProvider> methods) {
        this.methods = methods;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (InferenceMethodProvider method : methods.all()) {
            out.println(method.id() + " - " + method.description());
        }
    }
}
