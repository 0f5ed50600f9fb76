package org.muster.app.internal.run;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Ctrl-C (SIGINT, or SIGTERM) during a fit into a cancellation: a shutdown hook sets the
 * {@link Interruption} flag, then holds the JVM until the command has written what it has (summary,
 * Stan CSV, run.json) and calls {@link #close()}, for at most {@code patience}. The process then exits
 * with the status the JVM gives a signal, 128 + 2 = 130 for SIGINT, 128 + 15 = 143 for SIGTERM. Which
 * signal came is heard through {@code sun.misc.Signal} where the runtime has it (handlers that note the
 * signal and hand it on to the JVM's own), so run.json records what the process returns.
 */
public final class InterruptHook implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptHook.class);

    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final Thread hook;
    private final CountDownLatch written = new CountDownLatch(1);
    private final Map<String, sun.misc.SignalHandler> previous = new LinkedHashMap<>();

    private InterruptHook(Interruption interruption, Duration patience) {
        this.hook = new Thread(() -> {
            LOG.debug("shutdown requested during a fit; cancelling the chains");
            interruption.cancel();
            try {
                if (!written.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("output not finished after {} s; exiting anyway", patience.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "muster-interrupt");
    }

    /** Installs the hook until {@link #close()}. */
    public static InterruptHook install(Interruption interruption, Duration patience) {
        InterruptHook interruptHook = new InterruptHook(interruption, patience);
        Runtime.getRuntime().addShutdownHook(interruptHook.hook);
        interruptHook.noteSignals(interruption);
        return interruptHook;
    }

    /** Handlers that note which signal came, then hand it to the JVM's handler (which starts the shutdown). */
    private void noteSignals(Interruption interruption) {
        for (String name : SIGNALS) {
            try {
                sun.misc.Signal signal = new sun.misc.Signal(name);
                previous.put(name, sun.misc.Signal.handle(signal, s -> {
                    interruption.signalled(s.getNumber());
                    sun.misc.SignalHandler handler = previous.get(name);
                    if (handler != null && handler != sun.misc.SignalHandler.SIG_DFL
                            && handler != sun.misc.SignalHandler.SIG_IGN) {
                        handler.handle(s);
                    } else {
                        System.exit(128 + s.getNumber());
                    }
                }));
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                LOG.debug("cannot listen to SIG{}: {}", name, e.toString());
            }
        }
    }

    /** The output is written: releases a waiting hook, or removes the hook if no signal came. */
    @Override
    public void close() {
        written.countDown();
        previous.forEach((name, handler) -> {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), handler);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.debug("cannot restore SIG{}: {}", name, e.toString());
            }
        });
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook is running (Ctrl-C): it returns now that the latch is open
        }
    }
}
