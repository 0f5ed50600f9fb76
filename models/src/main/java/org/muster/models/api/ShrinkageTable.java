package org.muster.models.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.muster.core.api.Draws;

/**
 * How far each unit's estimate moved from its raw value toward the population mean: the partial
 * pooling of a hierarchical model made visible, unit by unit.
 *
 * @param rawDescription how the raw estimates were computed, e.g. {@code "y/n"}
 * @param populationVariable the variable holding the population mean, if any
 * @param rows one per unit, in unit order
 */
public record ShrinkageTable(String rawDescription, Optional<String> populationVariable, List<ShrinkageRow> rows) {

    public ShrinkageTable {
        rows = List.copyOf(rows);
    }

    /**
     * The table for these units from posterior draws (all chains pooled; quantiles by Hyndman and
     * Fan's definition 7, as R's default).
     *
     * @throws IllegalArgumentException if the draws lack a unit's variable or the population mean
     */
    public static ShrinkageTable compute(UnitEstimates units, Draws draws) {
        double population = Double.NaN;
        double[] populationDraws = null;
        if (units.populationMean().isPresent()) {
            populationDraws = pooled(draws, units.populationMean().get());
            population = mean(populationDraws);
        }
        double[] raw = units.raw();
        List<ShrinkageRow> rows = new ArrayList<>(units.count());
        for (int j = 0; j < units.count(); j++) {
            double[] values = pooled(draws, units.memberName(j));
            if (units.deviations()) {
                for (int i = 0; i < values.length; i++) {
                    values[i] += populationDraws[i];
                }
            }
            double mean = mean(values);
            Arrays.sort(values);
            double distance = raw[j] - population;
            double shrinkage = Math.abs(distance) > 1e-12 * Math.max(1, Math.abs(raw[j]))
                    ? (raw[j] - mean) / distance : Double.NaN;
            rows.add(new ShrinkageRow(units.labels().get(j), units.displayName(j), raw[j], mean, quantile(values, 0.05),
                    quantile(values, 0.95), population, shrinkage, units.size(j)));
        }
        return new ShrinkageTable(units.rawDescription(), units.populationMean(), rows);
    }

    private static double[] pooled(Draws draws, String variable) {
        int v = draws.indexOf(variable);
        if (v < 0) {
            throw new IllegalArgumentException("the draws have no variable '" + variable + "'");
        }
        return draws.pooled(v);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** Hyndman–Fan type 7 of sorted values, with R's arithmetic (ties give the value exactly). @param sorted not modified */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = (int) Math.ceil(h);
        double fraction = h - below;
        if (fraction > 0 && sorted[above] != sorted[below]) {
            return (1 - fraction) * sorted[below] + fraction * sorted[above];
        }
        return sorted[below];
    }
}
