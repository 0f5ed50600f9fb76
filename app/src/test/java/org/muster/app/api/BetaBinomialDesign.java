package org.muster.app.api;

import java.util.ArrayList;
import java.util.List;
import org.muster.models.api.Dataset;

/** A small beta-binomial design for calibration tests: 10 units of 20 trials each (the successes are replaced). */
final class BetaBinomialDesign {

    private BetaBinomialDesign() {
    }

    static Dataset design() {
        List<String[]> rows = new ArrayList<>();
        int[] lines = new int[10];
        for (int j = 0; j < 10; j++) {
            rows.add(new String[] {"0", "20"});
            lines[j] = j + 2;
        }
        return new Dataset("design.csv", List.of("y", "n"), rows, lines);
    }
}
