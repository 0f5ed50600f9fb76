package org.muster.app.internal.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: lists the subcommands. */
@Command(name = "muster", mixinStandardHelpOptions = true, version = "muster 0.1.0",
        description = "Hierarchical Bayesian models: fit, summarize and check them.",
        subcommands = {FitCommand.class, LadderCommand.class, SimulateCommand.class, DiagnoseCommand.class, ModelsCommand.class, MethodsCommand.class,
                picocli.CommandLine.HelpCommand.class})
final class MusterCommand implements Runnable {

    @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show stack traces of errors.")
    private boolean verbose;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    boolean verbose() {
        return verbose;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
