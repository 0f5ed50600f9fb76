package org.muster.app.internal.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Ctrl-C (SIGINT, or SIGTERM) during a fit into a cancellation: a shutdown hook sets the
 * {@link Interruption} flag, then holds the JVM until the command has written what it has (summary,
 * Stan CSV, run.json) and calls {@link #close()}, for at most {@code patience}. The process then exits
 * with the status the JVM gives a signal, 128 + 2 = 130 for SIGINT. A shutdown hook is portable; it needs
 * no {@code sun.misc.Signal}.
 */
public final class InterruptHook implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptHook.class);

    private final Thread hook;
    private final CountDownLatch written = new CountDownLatch(1);

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
        return interruptHook;
    }

    /** The output is written: releases a waiting hook, or removes the hook if no signal came. */
    @Override
    public void close() {
        written.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook is running (Ctrl-C): it returns now that the latch is open
        }
    }
}
