package org.muster.models.api;

/**
 * One unit of a shrinkage table.
 *
 * @param unit the unit's label
 * @param variable its parameter, e.g. {@code theta[71]}
 * @param raw the raw estimate, e.g. y/n
 * @param mean the posterior mean
 * @param q5 the 5% posterior quantile
 * @param q95 the 95% posterior quantile
 * @param populationMean the posterior mean of the population mean (NaN if the model has none)
 * @param shrinkage the fraction of the way from the raw estimate to the population mean that the
 *     posterior mean moved: 0 not at all, 1 all the way (NaN when the raw estimate equals the
 *     population mean or either is unknown)
 * @param n the unit's observations, or -1 if the family does not say
 */
public record ShrinkageRow(String unit, String variable, double raw, double mean, double q5, double q95,
        double populationMean, double shrinkage, int n) {

    /** A row whose unit size is not known. */
    public ShrinkageRow(String unit, String variable, double raw, double mean, double q5, double q95,
            double populationMean, double shrinkage) {
        this(unit, variable, raw, mean, q5, q95, populationMean, shrinkage, -1);
    }
}
