package org.muster.models.spi;

/** Where a parameter can lie; a prior with wider support is truncated to it. */
public enum Bounds {
    /** Any real value (a location such as {@code mu}). */
    REAL(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
    /** Strictly positive (a scale such as {@code tau}, a rate, a concentration). */
    POSITIVE(0, Double.POSITIVE_INFINITY),
    /** Between 0 and 1 (a probability, a population mean rate). */
    UNIT_INTERVAL(0, 1);

    private final double lower;
    private final double upper;

    Bounds(double lower, double upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /** The lower bound, {@code -∞} if none. */
    public double lower() {
        return lower;
    }

    /** The upper bound, {@code +∞} if none. */
    public double upper() {
        return upper;
    }
}
