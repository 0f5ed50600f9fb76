package org.muster.app.api;

import java.util.List;
import java.util.Optional;
import org.muster.core.api.ChainReport;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.SamplingStart;

/** Several fit listeners as one: every call goes to each in order; the run is cancelled if any says so. */
public final class FitListeners implements FitListener {

    private final FitListener[] listeners;

    private FitListeners(List<FitListener> listeners) {
        this.listeners = listeners.toArray(new FitListener[0]);
    }

    /** The listeners as one, in order. */
    public static FitListener all(List<FitListener> listeners) {
        return listeners.size() == 1 ? listeners.get(0) : new FitListeners(listeners);
    }

    @Override
    public void onStart(SamplingStart start) {
        for (FitListener listener : listeners) {
            listener.onStart(start);
        }
    }

    @Override
    public void onDraw(int chain, int iteration, boolean warmup, double[] values, double[] samplerStatistics) {
        for (FitListener listener : listeners) {
            listener.onDraw(chain, iteration, warmup, values, samplerStatistics);
        }
    }

    @Override
    public void onIteration(int chain, int iteration, int totalIterations, boolean warmup) {
        for (FitListener listener : listeners) {
            listener.onIteration(chain, iteration, totalIterations, warmup);
        }
    }

    @Override
    public void onWarmupEnd(int chain, Optional<ChainReport.Adaptation> adaptation) {
        for (FitListener listener : listeners) {
            listener.onWarmupEnd(chain, adaptation);
        }
    }

    @Override
    public void onChainEnd(int chain, ChainReport report) {
        for (FitListener listener : listeners) {
            listener.onChainEnd(chain, report);
        }
    }

    @Override
    public boolean isCancelled() {
        for (FitListener listener : listeners) {
            if (listener.isCancelled()) {
                return true;
            }
        }
        return false;
    }
}
