package org.muster.app.api;

import org.muster.core.spi.FitListener;

/** What an {@link OutputWriter} writes while a fit runs: it hears the fit's events, then is closed. */
public interface StreamingOutput extends FitListener {

    /** The fit has ended (finished, cancelled or failed): flush and close what is open. Idempotent. */
    void close();

    /** The run ends with nothing to write (cancelled before it had draws enough): remove what was streamed. */
    void discard();
}
