package org.muster.app.internal.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.muster.app.internal.ExecutionModule;
import org.muster.app.internal.InferenceMethodsModule;
import org.muster.app.internal.ModelFamiliesModule;
import picocli.CommandLine;

/** The {@code muster} command: the only place that touches the standard streams. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err));
    }

    /** Runs the command line and returns the exit code (0 ok, 2 usage or input error, 3 internal error). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Injector injector;
        try {
            injector = Guice.createInjector(new InferenceMethodsModule(), new ModelFamiliesModule(),
                    new ExecutionModule());
        } catch (RuntimeException e) {
            err.println("muster: cannot start: " + rootMessage(e));
            return ExitCodes.INTERNAL_ERROR;
        }
        CommandLine commandLine = new CommandLine(MusterCommand.class, new GuiceFactory(injector));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> handle(e, cl, err));
        return commandLine.execute(args);
    }

    /**
     * The one line an error gets: input errors (exit 2) say what is wrong and how to get the usage;
     * internal errors (exit 3) name the log file holding the stack trace, shown here only with --verbose.
     */
    private static int handle(Exception e, CommandLine commandLine, PrintWriter err) {
        boolean verbose = commandLine.getCommandSpec().root().userObject() instanceof MusterCommand m && m.verbose();
        if (e instanceof IllegalArgumentException) {
            err.println("muster: " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            String command = commandLine.getCommandSpec().qualifiedName();
            StringBuilder usage = new StringBuilder("Usage: ").append(command).append(" [OPTIONS]");
            commandLine.getCommandSpec().positionalParameters().forEach(p -> usage.append(' ').append(p.paramLabel()));
            err.println(usage);
            err.println("Try '" + command + " --help' for more information.");
            return ExitCodes.INPUT_ERROR;
        }
        java.util.Optional<java.nio.file.Path> logFile = commandLine.getCommand() instanceof FitCommand fit
                ? fit.logFile() : java.util.Optional.empty();
        String details = verbose ? "" : logFile.map(f -> " (see " + f + ")").orElse(" (run with --verbose for details)");
        err.println("muster: internal error: " + rootMessage(e) + details);
        if (verbose) {
            e.printStackTrace(err);
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
