package org.muster.app.internal.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: lists the subcommands. */
@Command(name = "muster", mixinStandardHelpOptions = true, version = "muster " + org.muster.app.api.Muster.VERSION,
        description = "Hierarchical Bayesian models: fit, summarize and check them.",
        footer = {"", ExitCodes.HELP},
        subcommands = {FitCommand.class, CheckCommand.class, LadderCommand.class, SimulateCommand.class,
                SbcCommand.class, BatchCommand.class, DiagnoseCommand.class, ModelsCommand.class, MethodsCommand.class,
                picocli.CommandLine.HelpCommand.class})
final class MusterCommand implements Runnable {

    static final String PLUGINS_OPTION = "--plugins";

    @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Log at DEBUG on standard error and show stack traces of errors.")
    private boolean verbose;

    // Read by Main before parsing (the injector needs the plugins before any command exists); declared
    // here so picocli accepts it, before or after the subcommand, and lists it in the help.
    @Option(names = PLUGINS_OPTION, paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Load plugin jars (inference methods, model families) from DIR instead of ./plugins.")
    private java.nio.file.Path plugins;

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
