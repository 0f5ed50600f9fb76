package org.muster.samplers.internal.hmc;

/**
 * Stan's windowed warmup: an initial fast interval (step size only), slow windows that estimate the
 * metric and double in length, and a terminal fast interval. Defaults 75 / 25 / 50; when they do not
 * fit in the warmup they shrink to 15% / 75% / 10% of it, as Stan does. Fewer than 20 warmup
 * iterations adapt the step size only.
 */
final class WarmupSchedule {

    static final int DEFAULT_INIT_BUFFER = 75;
    static final int DEFAULT_TERM_BUFFER = 50;
    static final int DEFAULT_BASE_WINDOW = 25;

    private final int warmup;
    private final int initBuffer;
    private final int termBuffer;
    private final int baseWindow;
    private final boolean metricAdapted;
    private int windowSize;
    private int nextWindowEnd;

    WarmupSchedule(int warmup, int initBuffer, int termBuffer, int baseWindow) {
        if (initBuffer < 0 || termBuffer < 0 || baseWindow < 1) {
            throw new IllegalArgumentException("warmup windows must be non-negative (base window at least 1), got "
                    + initBuffer + "/" + baseWindow + "/" + termBuffer);
        }
        this.warmup = warmup;
        if (warmup < 20) {
            this.metricAdapted = false;
            this.initBuffer = initBuffer;
            this.termBuffer = termBuffer;
            this.baseWindow = baseWindow;
        } else if (initBuffer + baseWindow + termBuffer > warmup) {
            this.metricAdapted = true;
            this.initBuffer = (int) (0.15 * warmup);
            this.termBuffer = (int) (0.1 * warmup);
            this.baseWindow = warmup - (this.initBuffer + this.termBuffer);
        } else {
            this.metricAdapted = true;
            this.initBuffer = initBuffer;
            this.termBuffer = termBuffer;
            this.baseWindow = baseWindow;
        }
        this.windowSize = this.baseWindow;
        this.nextWindowEnd = this.initBuffer + this.windowSize - 1;
    }

    boolean metricAdapted() {
        return metricAdapted;
    }

    int initBuffer() {
        return initBuffer;
    }

    int termBuffer() {
        return termBuffer;
    }

    int baseWindow() {
        return baseWindow;
    }

    /** Whether warmup iteration {@code i} (0-based) contributes a draw to the metric estimate. */
    boolean inSlowWindow(int i) {
        return metricAdapted && i >= initBuffer && i < warmup - termBuffer && i != warmup;
    }

    /**
     * Whether iteration {@code i} closes a slow window; if so, the schedule moves to the next window
     * (twice as long, stretched to the terminal buffer when the one after would not fit).
     */
    boolean closesWindow(int i) {
        if (!metricAdapted || i != nextWindowEnd || i == warmup) {
            return false;
        }
        int lastWindowEnd = warmup - termBuffer - 1;
        if (nextWindowEnd != lastWindowEnd) {
            windowSize *= 2;
            nextWindowEnd = i + windowSize;
            if (nextWindowEnd != lastWindowEnd && nextWindowEnd + 2 * windowSize >= warmup - termBuffer) {
                nextWindowEnd = lastWindowEnd;
            }
        }
        return true;
    }
}
