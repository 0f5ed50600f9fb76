package org.muster.models.internal;

import static org.muster.core.api.Distributions.binomialLogit;
import static org.muster.core.api.Distributions.halfNormal;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Expressions.invLogit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * Successes y_j in n_j trials with logit(theta_j) = mu + tau z_j, z_j ~ N(0, 1): the logit-normal
 * random-effects model, written non-centered. The units shrink toward {@code median} =
 * inv_logit(mu), the population's median rate.
 */
public final class LogitNormalFamily extends CheckedModelFamily {

    private static final String NEW_TRIALS = "new_trials";

    @Override
    public String id() {
        return "logit-normal";
    }

    @Override
    public String description() {
        return "Successes out of trials per unit, logit(theta_j) = mu + tau z_j (non-centered)";
    }

    @Override
    public List<DataColumn> dataColumns() {
        return BinomialData.COLUMNS;
    }

    @Override
    public Map<String, String> defaultPriors() {
        Map<String, String> priors = new LinkedHashMap<>();
        priors.put("mu", "normal(0, 2.5)");
        priors.put("tau", "half_normal(0, 1)");
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
    protected FamilyModel create(Dataset dataset, FamilyOptions options) {
        options.requireKnownPriors(id(), List.of("mu", "tau"));
        BinomialData data = BinomialData.read(FamilyData.of(this, dataset, options));
        int newTrials = options.integer(id(), NEW_TRIALS, data.medianTrials(), 0);
        int units = data.units().count();
        ModelBuilder b = Model.builder();
        Node trials = b.data("n", data.trials());
        Node mu = b.stochastic("mu", options.prior("mu", Bounds.REAL, normal(0, 2.5)));
        Node tau = b.stochastic("tau", options.prior("tau", Bounds.POSITIVE, halfNormal(1)));
        Node z = b.stochastic("z", units, normal(0, 1));
        Node logOdds = mu.plus(tau.times(z));
        b.deterministic("theta", invLogit(logOdds));
        b.deterministic("median", invLogit(mu));
        b.observed("y", binomialLogit(trials, FamilySupport.byRow(logOdds, data.units())), data.successes());
        UnitEstimates estimates = new UnitEstimates("theta", data.units().labels(), data.rawRates(), "y/n",
                Optional.of("median"));
        return FamilyModel.of(b.build(), estimates, new NewUnit(newTrials));
    }

    /** theta_new = inv_logit(mu + tau z), z ~ N(0, 1); y_new ~ Binomial(new trials, theta_new). */
    private record NewUnit(int trials) implements GeneratedQuantities {

        @Override
        public List<String> names() {
            return List.of("theta_new", "y_new");
        }

        @Override
        public void generate(DrawValues draw, RandomGenerator random, double[] out) {
            double logOdds = draw.get("mu") + draw.get("tau") * RandomVariates.standardNormal(random);
            double theta = 1 / (1 + Math.exp(-logOdds));
            out[0] = theta;
            out[1] = RandomVariates.binomial(random, trials, theta);
        }
    }
}
