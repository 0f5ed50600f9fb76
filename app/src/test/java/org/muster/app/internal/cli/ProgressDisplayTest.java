package org.muster.app.internal.cli;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.SamplingStart;

class ProgressDisplayTest {

    @Test
    void showsEachChainsIterationsPhaseAndDivergencesAfterWarmup() {
        StringWriter err = new StringWriter();
        ProgressDisplay display = ProgressDisplay.shown(new PrintWriter(err, true));
        display.onStart(new SamplingStart("nuts", Map.of(), List.of("mu"), List.of("lp__", "divergent__"), 2, 3, 4));
        double[] values = {0.5};
        for (int i = 1; i <= 7; i++) {
            boolean warmup = i <= 3;
            // chain 1 diverges on every iteration, chain 2 never; warmup divergences are not counted
            display.onDraw(0, i, warmup, values, new double[] {-1, 1});
            display.onDraw(1, i, warmup, values, new double[] {-1, 0});
        }
        display.close();
        String shown = err.toString();
        assertTrue(shown.contains("chain 1") && shown.contains("chain 2"), shown);
        assertTrue(shown.contains("7/7"), shown);
        assertTrue(shown.contains("sampling, 4 divergent") && shown.contains("sampling, 0 divergent"), shown);
    }

    @Test
    void hiddenWhenQuietOrNotOnATerminal() {
        PrintWriter err = new PrintWriter(new StringWriter());
        assertSame(FitListener.NONE, ProgressDisplay.on(err, true));
        if (System.console() == null) {
            assertSame(FitListener.NONE, ProgressDisplay.on(err, false));
        }
    }
}
