package org.muster.em.internal.mixture;

import java.util.List;
import java.util.Locale;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOption;
import org.muster.core.spi.MethodOptions;

/**
 * Provides {@code em}: maximum-likelihood (or MAP-EM) fits of normal mixtures by expectation–maximization
 * from several random starts, for models whose likelihood is one {@code normal_mixture(weights, mu, sigma)}
 * node (see {@link MixtureGraph} for the pattern recognized). Options: {@code restarts} (default 10),
 * {@code tolerance} (stop when a step raises the log likelihood by less than this times its magnitude,
 * default 1e-10), {@code iterations} (per restart, default 1000), {@code prior} ({@code none}, the
 * default: maximum likelihood; {@code map}: Fraley &amp; Raftery's data-scaled conjugate prior, which
 * stops components collapsing).
 */
public final class EmProvider implements InferenceMethodProvider {

    static final String ID = "em";
    private static final String RESTARTS = "restarts";
    private static final String TOLERANCE = "tolerance";
    private static final String ITERATIONS = "iterations";
    private static final String PRIOR = "prior";
    private static final List<MethodOption> OPTIONS = List.of(
            MethodOption.integer(RESTARTS, 10, 1, "random starts, from the run's seed"),
            MethodOption.number(TOLERANCE, 1e-10, 0, false, Double.POSITIVE_INFINITY, true,
                    "a start stops when a step raises the log likelihood by less than this times its magnitude"),
            MethodOption.integer(ITERATIONS, 1000, 1, "maximum iterations per start"),
            MethodOption.choice(PRIOR, "none", List.of("none", "map"), "none: maximum likelihood; map: Fraley &"
                    + " Raftery's data-scaled conjugate prior, so no component collapses onto a point"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Expectation-maximization for normal mixtures (gaussian-mixture): maximum likelihood or MAP-EM"
                + " from several random starts, with responsibilities";
    }

    @Override
    public List<MethodOption> options() {
        return OPTIONS;
    }

    @Override
    public InferenceMethod create(MethodOptions options) {
        options.check(ID, OPTIONS);
        int restarts = options.getInt(RESTARTS, 10);
        int iterations = options.getInt(ITERATIONS, 1000);
        double tolerance = options.getDouble(TOLERANCE, 1e-10);
        if (restarts < 1) {
            throw new IllegalArgumentException("option " + RESTARTS + "=" + restarts + ": expected an integer >= 1");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("option " + ITERATIONS + "=" + iterations + ": expected an integer >= 1");
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("option " + TOLERANCE + "=" + tolerance + ": expected a number >= 0");
        }
        String prior = options.getString(PRIOR, "none").trim().toLowerCase(Locale.ROOT);
        if (!prior.equals("none") && !prior.equals("map")) {
            throw new IllegalArgumentException("option " + PRIOR + "=" + prior + ": expected none or map");
        }
        return new MixtureExpectationMaximization(restarts, iterations, tolerance, prior.equals("map"));
    }
}
