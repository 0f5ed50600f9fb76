package org.muster.models.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.muster.models.api.ColumnMapping;
import org.muster.models.spi.DataColumn;
import org.muster.models.spi.FamilyData;
import org.muster.models.spi.UnitIndex;

/**
 * Successes out of trials per row, with the units the rows belong to: the data of the binomial
 * families (beta-binomial, logit-normal).
 *
 * @param successes y of each row
 * @param trials n of each row
 * @param units which unit each row belongs to
 */
record BinomialData(int[] successes, int[] trials, UnitIndex units) {

    static final List<DataColumn> COLUMNS = List.of(
            new DataColumn("y", "integer >= 0", "the successes y_j of each unit"),
            new DataColumn("n", "integer >= y", "the trials n_j of each unit"),
            DataColumn.optional(FamilyData.GROUP, "integer 1..J", "the unit of each row, when units have several rows"),
            DataColumn.optional(FamilyData.UNIT, "text", "a label for each unit"));

    static final Map<String, ColumnMapping> BUILT_IN = Map.of(
            "rats", ColumnMapping.parse("y=tumors,n=rats,unit=experiment"),
            "baseball", ColumnMapping.parse(
                    "y=Hits,n=AtBats,unit=LastName,skip=FirstName,skip=RemainingAtBats,skip=RemainingAverage"),
            "free-throws", ColumnMapping.parse("y=made,n=attempts,unit=season"));

    static BinomialData read(FamilyData data) {
        int[] y = data.counts("y");
        int[] n = data.counts("n");
        data.requireNotAbove("y", y, "n", n, "the successes cannot exceed the trials");
        return new BinomialData(y, n, data.units());
    }

    /**
     * One row per unit holding the sums of its successes and trials, if some unit has several rows: the
     * binomial likelihood of a unit's rows is, up to a constant, that of their sums.
     */
    Optional<BinomialData> reduced() {
        return UnitRows.of(units).flatMap(rows -> rows.sum(successes).flatMap(y -> rows.sum(trials)
                .map(n -> new BinomialData(y, n, rows.units()))));
    }

    /** The raw rate of each unit, y/n summed over its rows (NaN for a unit without trials). */
    double[] rawRates() {
        double[] y = units.sumByUnit(successes);
        double[] n = units.sumByUnit(trials);
        double[] out = new double[y.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = n[j] > 0 ? y[j] / n[j] : Double.NaN;
        }
        return out;
    }

    /** The median of the units' trials, rounded: the default size of a new unit. */
    int medianTrials() {
        double[] n = units.sumByUnit(trials);
        Arrays.sort(n);
        int m = n.length;
        double median = m % 2 == 1 ? n[m / 2] : 0.5 * (n[m / 2 - 1] + n[m / 2]);
        return (int) Math.round(median);
    }
}
