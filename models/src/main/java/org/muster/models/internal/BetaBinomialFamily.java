package org.muster.models.internal;

import static org.muster.core.api.Distributions.beta;
import static org.muster.core.api.Distributions.binomial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.core.api.distributions.RandomVariates;
import org.muster.models.api.ColumnMapping;
import org.muster.models.api.Dataset;
import org.muster.models.api.GeneratedQuantities;
import org.muster.models.api.UnitEstimates;
import org.muster.models.spi.Bounds;
import org.muster.models.spi.DataColumn;
import org.muster.models.spi.FamilyData;
import org.muster.models.spi.CheckedModelFamily;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.Pooling;
import org.muster.models.spi.Prior;

/**
 * Successes y_j in n_j trials with theta_j ~ Beta(alpha, beta) (Gelman et al., BDA3 §5.3). The default
 * hyperprior is BDA3's p(alpha, beta) ∝ (alpha + beta)^(-5/2), sampled as mean = alpha/(alpha+beta)
 * uniform on (0, 1) and concentration = alpha + beta with density ∝ concentration^(-3/2) (the
 * Jacobian of (alpha, beta) → (mean, concentration) is the concentration). Priors may instead be put
 * on mean and concentration, or on alpha and beta together.
 */
public final class BetaBinomialFamily extends CheckedModelFamily {

    private static final String NEW_TRIALS = "new_trials";

    @Override
    public String id() {
        return "beta-binomial";
    }

    @Override
    public String description() {
        return "Successes out of trials per unit, unit rates theta_j ~ Beta(alpha, beta) (BDA3 5.3)";
    }

    @Override
    public List<DataColumn> dataColumns() {
        return BinomialData.COLUMNS;
    }

    @Override
    public Map<String, String> defaultPriors() {
        Map<String, String> priors = new LinkedHashMap<>();
        priors.put("mean", "uniform(0, 1)");
        priors.put("concentration", "improper, density proportional to concentration^(-3/2); with the uniform mean"
                + " this is p(alpha, beta) proportional to (alpha + beta)^(-5/2), BDA3 5.3");
        return priors;
    }

    @Override
    public Optional<String> defaultDataset() {
        return Optional.of("rats");
    }

    @Override
    public Map<String, ColumnMapping> builtInData() {
        return BinomialData.BUILT_IN;
    }

    @Override
    public Map<String, String> options() {
        return Map.of(NEW_TRIALS, "trials of the new unit in y_new (default: the median of the units' trials)");
    }

    @Override
    public Set<Pooling> poolings() {
        return Set.of(Pooling.PARTIAL, Pooling.NONE, Pooling.COMPLETE);
    }


    @Override
    protected FamilyModel create(Dataset dataset, FamilyOptions options) {
        BinomialData data = BinomialData.read(FamilyData.of(this, dataset, options));
        int newTrials = options.integer(id(), NEW_TRIALS, data.medianTrials(), 0);
        int units = data.units().count();
        ModelBuilder b = Model.builder();
        Node trials = b.data("n", data.trials());
        Node theta;
        GeneratedQuantities newUnit;
        Optional<String> population = Optional.of("mean");
        switch (options.pooling()) {
            case PARTIAL -> {
                Node[] alphaBeta = hyperparameters(b, options);
                theta = b.stochastic("theta", units, beta(alphaBeta[0], alphaBeta[1]));
                newUnit = new NewUnit(newTrials, false);
            }
            case NONE -> {
                options.requireKnownPriors(id(), List.of("theta"));
                theta = b.stochastic("theta", units, options.prior("theta", Bounds.UNIT_INTERVAL, beta(1, 1)));
                newUnit = null;
                population = Optional.empty();
            }
            case COMPLETE -> {
                options.requireKnownPriors(id(), List.of("mean"));
                Node mean = b.stochastic("mean", options.prior("mean", Bounds.UNIT_INTERVAL, beta(1, 1)));
                theta = b.deterministic("theta", FamilySupport.repeated(mean, units));
                newUnit = new NewUnit(newTrials, true);
            }
            default -> throw new IllegalStateException("unknown pooling " + options.pooling());
        }
        b.observed("y", binomial(trials, FamilySupport.byRow(theta, data.units())), data.successes());
        UnitEstimates estimates = new UnitEstimates("theta", data.units().labels(), data.rawRates(), "y/n", population);
        return FamilyModel.of(b.build(), estimates, newUnit);
    }

    /** alpha and beta, from priors on (mean, concentration) or on (alpha, beta). */
    private Node[] hyperparameters(ModelBuilder b, FamilyOptions options) {
        options.requireKnownPriors(id(), List.of("mean", "concentration", "alpha", "beta"));
        boolean onAlphaBeta = options.prior("alpha").isPresent() || options.prior("beta").isPresent();
        if (onAlphaBeta) {
            if (options.prior("alpha").isEmpty() || options.prior("beta").isEmpty()) {
                throw new IllegalArgumentException("model " + id() + ": a prior on alpha or beta needs one on the other"
                        + " too (the default prior is joint: p(alpha, beta) proportional to (alpha + beta)^(-5/2))");
            }
            if (options.prior("mean").isPresent() || options.prior("concentration").isPresent()) {
                throw new IllegalArgumentException("model " + id() + ": give priors either on alpha and beta or on"
                        + " mean and concentration, not both");
            }
            Node alpha = b.stochastic("alpha", options.prior("alpha").get().distribution(Bounds.POSITIVE));
            Node beta = b.stochastic("beta", options.prior("beta").get().distribution(Bounds.POSITIVE));
            // Strongly correlated a posteriori: Gibbs moves them together (Metropolis-within-Gibbs).
            b.updateJointly(alpha, beta);
            Node concentration = b.deterministic("concentration", alpha.plus(beta));
            b.deterministic("mean", alpha.div(concentration));
            return new Node[] {alpha, beta};
        }
        Node mean = b.stochastic("mean", options.prior("mean", Bounds.UNIT_INTERVAL, beta(1, 1)));
        Node concentration = b.stochastic("concentration", options.prior("concentration", Bounds.POSITIVE,
                Prior.powerLaw(-1.5, "improper concentration^(-3/2)")));
        // Correlated a posteriori given the thetas: Gibbs moves them together (Metropolis-within-Gibbs).
        b.updateJointly(mean, concentration);
        Node alpha = b.deterministic("alpha", mean.times(concentration));
        Node beta = b.deterministic("beta", mean.negate().plus(1.0).times(concentration));
        return new Node[] {alpha, beta};
    }

    /** theta_new ~ Beta(alpha, beta) (or the shared rate), y_new ~ Binomial(new trials, theta_new). */
    private record NewUnit(int trials, boolean complete) implements GeneratedQuantities {

        @Override
        public List<String> names() {
            return List.of("theta_new", "y_new");
        }

        @Override
        public void generate(DrawValues draw, RandomGenerator random, double[] out) {
            double theta = complete ? draw.get("mean") : RandomVariates.beta(random, draw.get("alpha"), draw.get("beta"));
            out[0] = theta;
            out[1] = RandomVariates.binomial(random, trials, theta);
        }
    }
}
