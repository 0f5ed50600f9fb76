package org.muster.app.internal.run;

import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import org.muster.core.spi.FitListener;

/**
 * The cancel flag of one fit: set by Ctrl-C (through {@link InterruptHook}), read by the chains between
 * iterations through {@link #isCancelled()}. Not final so a test can cancel at a chosen iteration.
 */
public class Interruption implements FitListener {

    /** SIGINT's number: a cancellation without a signal exits as Ctrl-C does. */
    private static final int SIGINT = 2;

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile int signal = SIGINT;

    /** For Guice, one per fit command; protected, as Guice's generated classes cannot reach a public one here. */
    @Inject
    protected Interruption() {
    }

    /** Asks the running fit to stop after the chains' current iterations. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Records the signal that is stopping the process (2 for SIGINT, 15 for SIGTERM), before the cancel comes. */
    void signalled(int number) {
        signal = number;
    }

    /**
     * What the process returns when cancelled: 128 plus the signal's number, as the JVM exits on a signal
     * (130 for Ctrl-C, 143 for SIGTERM); 130 when cancelled without a signal.
     */
    public int exitStatus() {
        return 128 + signal;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }
}
