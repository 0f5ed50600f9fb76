package org.muster.app.internal.run;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The logging of one fit: standard error shows WARN and above ({@code logback.xml}), or DEBUG with
 * {@code --verbose}; with an output folder, {@code muster.log} there gets everything at DEBUG, stack traces
 * included. Logback's configuration is process-wide, so {@link #close()} puts it back as it was.
 */
public final class RunLog implements AutoCloseable {

    /** The log file's name in the output folder. */
    public static final String FILE_NAME = "muster.log";
    /** The console appender's name in {@code logback.xml}. */
    static final String CONSOLE = "STDERR";
    /** A logger whose events go to the log file only: stack traces the terminal should not show. */
    private static final String FILE_ONLY = "org.muster.run.file";

    private final Logger root;
    private final Level previousLevel;
    private final Optional<Appender<ILoggingEvent>> console;
    private final ThresholdFilter consoleFilter;
    private FileAppender<ILoggingEvent> file;

    private RunLog(boolean verbose) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        console = Optional.ofNullable(root.getAppender(CONSOLE));
        consoleFilter = new ThresholdFilter();
        consoleFilter.setLevel((verbose ? Level.DEBUG : Level.WARN).levelStr);
        consoleFilter.start();
        console.ifPresent(c -> c.addFilter(consoleFilter));
        root.setLevel(verbose ? Level.DEBUG : previousLevel);
    }

    /** Console logging at WARN, or DEBUG when verbose; no file yet. */
    public static RunLog start(boolean verbose) {
        return new RunLog(verbose);
    }

    /**
     * Adds {@code muster.log} in a folder, at DEBUG.
     *
     * @return the log file
     */
    public Path logTo(Path directory) {
        LoggerContext context = root.getLoggerContext();
        Path path = directory.resolve(FILE_NAME);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30}: %msg%n");
        encoder.start();
        file = new FileAppender<>();
        file.setContext(context);
        file.setName("muster-run-file");
        file.setFile(path.toString());
        file.setAppend(true);
        file.setEncoder(encoder);
        file.start();
        root.addAppender(file);
        root.setLevel(Level.DEBUG);
        Logger fileOnly = context.getLogger(FILE_ONLY);
        fileOnly.setAdditive(false);
        fileOnly.addAppender(file);
        return path;
    }

    /** Writes a failure with its stack trace to the log file only (nothing when there is no file). */
    public void recordFailure(String message, Throwable failure) {
        if (file != null) {
            root.getLoggerContext().getLogger(FILE_ONLY).error(message, failure);
        }
    }

    /** Removes the file and the console filter, and restores the root level. */
    @Override
    public void close() {
        if (file != null) {
            root.detachAppender(file);
            root.getLoggerContext().getLogger(FILE_ONLY).detachAppender(file);
            file.stop();
        }
        console.ifPresent(Appender::clearAllFilters);
        root.setLevel(previousLevel);
    }
}
