package org.muster.app.internal.run;

import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import org.muster.core.spi.FitListener;

/**
 * The cancel flag of one fit: set by Ctrl-C (through {@link InterruptHook}), read by the chains between
 * iterations through {@link #isCancelled()}. Not final so a test can cancel at a chosen iteration.
 */
public class Interruption implements FitListener {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** For Guice, one per fit command; protected, as Guice's generated classes cannot reach a public one here. */
    @Inject
    protected Interruption() {
    }

    /** Asks the running fit to stop after the chains' current iterations. */
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }
}
