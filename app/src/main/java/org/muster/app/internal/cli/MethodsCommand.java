package org.muster.app.internal.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.muster.app.internal.ProviderRegistry;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Lists the inference methods and the options each declares ({@code --method-param NAME=VALUE}). */
@Command(name = "methods", mixinStandardHelpOptions = true,
        description = "List the inference methods and their options (give them as --method-param NAME=VALUE).")
final class MethodsCommand implements Runnable {

    private final ProviderRegistry<InferenceMethodProvider> methods;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Show only this method.")
    private String id;

    @Inject
    MethodsCommand(ProviderRegistry<InferenceMethodProvider> methods) {
        this.methods = methods;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        List<InferenceMethodProvider> shown = id == null ? methods.all() : List.of(methods.require(id));
        for (InferenceMethodProvider method : shown) {
            out.println(method.id() + " - " + method.description());
            printOptions(out, method.options());
        }
    }

    /** One line per option: its name, the values it takes, its default and what it does. */
    static void printOptions(PrintWriter out, List<MethodOption> options) {
        int name = 4;
        int range = 5;
        int value = 7;
        for (MethodOption option : options) {
            name = Math.max(name, option.name().length());
            range = Math.max(range, option.range().length());
            value = Math.max(value, option.defaultValue().orElse("").length());
        }
        String format = "    %-" + name + "s  %-" + range + "s  %-" + value + "s  %s%n";
        for (MethodOption option : options) {
            out.printf(Locale.ROOT, format, option.name(), option.range(), option.defaultValue().orElse("-"), option.help());
        }
    }
}
