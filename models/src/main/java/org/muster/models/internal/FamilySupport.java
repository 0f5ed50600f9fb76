package org.muster.models.internal;

import java.util.Arrays;
import org.muster.core.api.Node;
import org.muster.models.spi.UnitIndex;

/** Small pieces the built-in families share. */
final class FamilySupport {

    private FamilySupport() {
    }

    /** A unit-level vector spread over the data rows: itself when each row is its own unit. */
    static Node byRow(Node unitLevel, UnitIndex units) {
        return units.oneRowPerUnit() ? unitLevel : unitLevel.at(units.index());
    }

    /** A scalar repeated for every unit (complete pooling). */
    static Node repeated(Node scalar, int count) {
        return scalar.at(new int[count]);
    }

    /** The median. @param values not modified */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length;
        return m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
    }
}
