package org.muster.app.internal.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.muster.app.internal.ExecutionModule;
import org.muster.app.internal.InferenceMethodsModule;
import org.muster.app.internal.ModelFamiliesModule;
import org.muster.app.internal.PipelineModule;
import org.muster.app.internal.ProviderRegistry;
import org.muster.app.internal.plugins.PluginLoader;
import org.muster.app.internal.plugins.Plugins;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.models.spi.ModelFamily;
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
        Plugins plugins;
        try {
            plugins = PluginLoader.load(pluginsDirectory(args));
        } catch (IllegalArgumentException e) {
            err.println("muster: " + e.getMessage());
            return ExitCodes.INPUT_ERROR;
        }
        plugins.problems().forEach(problem -> err.println("muster: " + problem));
        Injector injector;
        try {
            injector = Guice.createInjector(new InferenceMethodsModule(plugins), new ModelFamiliesModule(plugins),
                    new ExecutionModule(), new PipelineModule(plugins));
            injector.getInstance(new Key<ProviderRegistry<InferenceMethodProvider>>() { }).conflicts()
                    .forEach(conflict -> err.println("muster: " + conflict));
            injector.getInstance(new Key<ProviderRegistry<ModelFamily>>() { }).conflicts()
                    .forEach(conflict -> err.println("muster: " + conflict));
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
     * The plugins directory: the value of the last {@code --plugins DIR} (or {@code --plugins=DIR})
     * before a {@code --}, wherever it stands, as picocli accepts it on any subcommand; else
     * {@code ./plugins}. Read before picocli parses because the commands are created by an injector
     * that needs the plugins first.
     *
     * @throws IllegalArgumentException if the directory given does not exist
     */
    static Path pluginsDirectory(String[] args) {
        String given = null;
        for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
            if (args[i].equals(MusterCommand.PLUGINS_OPTION) && i + 1 < args.length) {
                given = args[++i];
            } else if (args[i].startsWith(MusterCommand.PLUGINS_OPTION + "=")) {
                given = args[i].substring(MusterCommand.PLUGINS_OPTION.length() + 1);
            }
        }
        if (given == null) {
            return PluginLoader.DEFAULT_DIRECTORY;
        }
        Path directory;
        try {
            directory = Path.of(given);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException(MusterCommand.PLUGINS_OPTION + " " + given + ": not a valid path");
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(MusterCommand.PLUGINS_OPTION + " " + given + ": expected a directory of"
                    + " plugin jars, but " + (Files.exists(directory) ? "it is not a directory" : "there is no such directory"));
        }
        return directory;
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
