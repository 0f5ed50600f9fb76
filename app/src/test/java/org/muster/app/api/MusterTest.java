package org.muster.app.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.normal;

import org.junit.jupiter.api.Test;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.diagnostics.api.SummaryRow;

/** The Java API an application uses: a model in, draws and a summary out, no Guice, no command line. */
class MusterTest {

    private static final double[] Y = {1.2, 0.4, 2.1, 1.7, 0.9, 1.3, 2.5, 0.2, 1.1, 1.8};

    /** mu ~ normal(0, 10), y_i ~ normal(mu, 1): the posterior of mu is normal with known mean and sd. */
    private static Model conjugateNormal() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 10));
        b.observed("y", normal(mu, b.constant(1)), Y);
        return b.build();
    }

    @Test
    void fitsAGraphModelAndMatchesTheClosedFormPosterior() {
        FitOutcome outcome = Muster.fit(conjugateNormal()).with("nuts").chains(4).seed(11).run();

        double precision = 1 / 100.0 + Y.length;
        double sum = 0;
        for (double y : Y) {
            sum += y;
        }
        double mean = sum / precision;
        double sd = Math.sqrt(1 / precision);
        SummaryRow mu = outcome.summary().rows().stream().filter(r -> r.variable().equals("mu")).findFirst().orElseThrow();
        assertEquals(4000, outcome.draws().draws().chains() * outcome.draws().draws().iterations());
        assertEquals(mean, mu.mean(), 4 * mu.mcseMean(), "posterior mean of mu");
        assertEquals(sd, mu.sd(), 4 * mu.mcseSd(), "posterior sd of mu");
        assertTrue(outcome.shrinkage().isEmpty(), "a graph model has no units");
    }

    @Test
    void sameSeedSameDraws() {
        FitOutcome first = Muster.fit(conjugateNormal()).chains(2).warmup(200).draws(200).seed(5).run();
        FitOutcome second = Muster.fit(conjugateNormal()).chains(2).warmup(200).draws(200).seed(5).threads(1).run();
        for (int chain = 0; chain < 2; chain++) {
            assertArrayEquals(first.draws().draws().chain(chain, 0), second.draws().draws().chain(chain, 0));
        }
    }

    @Test
    void fitsABuiltInFamilyWithItsShrinkage() {
        FitOutcome outcome = Muster.fit("eight-schools").chains(2).warmup(300).draws(300).seed(3).run();

        assertTrue(outcome.summary().rows().stream().anyMatch(r -> r.variable().equals("tau")));
        assertEquals(8, outcome.shrinkage().orElseThrow().rows().size());
    }

    @Test
    void aPointEstimateComesBackAsOne() {
        FitOutcome outcome = Muster.fit(conjugateNormal()).with("map").seed(2).run();

        double precision = 1 / 100.0 + Y.length;
        double sum = 0;
        for (double y : Y) {
            sum += y;
        }
        assertEquals(sum / precision, outcome.pointEstimate().estimates().get("mu")[0], 1e-6);
        assertThrows(IllegalStateException.class, outcome::summary);
        assertThrows(IllegalStateException.class, outcome::draws);
    }

    @Test
    void aVariationalFitGivesItsDrawsSummaryAndApproximation() {
        FitOutcome outcome = Muster.fit(conjugateNormal()).with("advi-fullrank").option("output_samples", "2000")
                .seed(4).run();
        assertEquals(2000, outcome.draws().draws().iterations());
        assertTrue(outcome.summary().rows().stream().anyMatch(r -> r.variable().equals("mu")));
        assertTrue(outcome.variational().elboTrace().size() > 0);
        assertThrows(IllegalStateException.class, outcome::pointEstimate);
    }

    @Test
    void unknownNamesSayWhatThereIs() {
        var method = assertThrows(IllegalArgumentException.class, () -> Muster.fit(conjugateNormal()).with("nut").run());
        assertTrue(method.getMessage().contains("unknown inference method 'nut'") && method.getMessage().contains("nuts"),
                method.getMessage());
        var family = assertThrows(IllegalArgumentException.class, () -> Muster.family("eight-school"));
        assertTrue(family.getMessage().contains("eight-schools"), family.getMessage());
    }
}
