package org.muster.app.internal.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: lists the subcommands. */
@Command(name = "muster", mixinStandardHelpOptions = true, version = "muster 0.1.0",
        description = "Hierarchical Bayesian models: fit, summarize and check them.",
        footer = {"", ExitCodes.HELP},
        subcommands = {FitCommand.class, SimulateCommand.class, DiagnoseCommand.class, ModelsCommand.class, MethodsCommand.class,
                picocli.CommandLine.HelpCommand.class})
final class MusterCommand implements Runnable {

    @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Log at DEBUG on standard error and show stack traces of errors.")
    private boolean verbose;

    @Option(names = "--quiet", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "No progress bars or timing on standard error (bars show only on a terminal anyway).")
    private boolean quiet;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    boolean verbose() {
        return verbose;
    }

    boolean quiet() {
        return quiet;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
