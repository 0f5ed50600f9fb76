package org.muster.models.internal;

import static org.muster.core.api.Distributions.dirichlet;
import static org.muster.core.api.Distributions.halfNormal;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Expressions.multiply;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.muster.core.api.Distribution;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.models.api.Dataset;
import org.muster.models.api.GeneratedQuantities;
import org.muster.models.spi.Bounds;
import org.muster.models.spi.DataColumn;
import org.muster.models.spi.FamilyData;
import org.muster.models.spi.CheckedModelFamily;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.FamilyOptions;

/**
 * Reals from a mixture of K normals, y_i ~ Σ_k w_k N(mu_k, sigma_k), with the component
 * indicators summed out. Relabelling the components leaves the likelihood unchanged, so the means are
 * ordered to identify them: mu_1 = mu_first, mu_k = mu_{k-1} + mu_gap_{k-1} with positive gaps.
 * Default priors are scaled to the data (mean m and standard deviation s of y).
 */
public final class GaussianMixtureFamily extends CheckedModelFamily {

    private static final String COMPONENTS = "components";

    @Override
    public String id() {
        return "gaussian-mixture";
    }

    @Override
    public String description() {
        return "Reals from a mixture of K normals with ordered means (--param components=K)";
    }

    @Override
    public List<DataColumn> dataColumns() {
        return List.of(new DataColumn("y", "real", "the observations (a file's only column is taken as y)"));
    }

    @Override
    public Map<String, String> defaultPriors() {
        Map<String, String> priors = new LinkedHashMap<>();
        priors.put("weights", "dirichlet(1, ..., 1)");
        priors.put("mu_first", "normal(m, 2 s), m and s the mean and standard deviation of y");
        priors.put("mu_gap", "half_normal(0, 2 s)");
        priors.put("sigma", "half_normal(0, 2 s)");
        return priors;
    }

    @Override
    public Map<String, String> options() {
        return Map.of(COMPONENTS, "number of components K >= 2 (default 2)");
    }


    @Override
    protected FamilyModel create(Dataset dataset, FamilyOptions options) {
        options.requireKnownPriors(id(), List.of("mu_first", "mu_gap", "sigma"));
        int components = options.integer(id(), COMPONENTS, 2, 2);
        double[] y = FamilyData.of(this, dataset, options).real("y");
        if (y.length < components) {
            throw new IllegalArgumentException(dataset.source() + ": " + y.length + " observations cannot inform "
                    + components + " components");
        }
        double location = Arrays.stream(y).average().orElseThrow();
        double scale = Math.sqrt(Arrays.stream(y).map(v -> (v - location) * (v - location)).sum() / (y.length - 1));
        if (!(scale > 0)) {
            throw new IllegalArgumentException(dataset.source() + ": all " + y.length
                    + " observations are equal; a mixture needs spread");
        }
        ModelBuilder b = Model.builder();
        double[] ones = new double[components];
        Arrays.fill(ones, 1);
        Node weights = b.stochastic("weights", dirichlet(b.data("weights_prior", ones)));
        Node first = b.stochastic("mu_first", options.prior("mu_first", Bounds.REAL, normal(location, 2 * scale)));
        Distribution gapPrior = options.prior("mu_gap", Bounds.POSITIVE, halfNormal(2 * scale));
        Node gaps = b.stochastic("mu_gap", components - 1, gapPrior);
        // mu = mu_first + L gaps, with L[k][j] = 1 for j < k: the cumulative sums of the gaps.
        double[][] cumulative = new double[components][components - 1];
        for (int k = 0; k < components; k++) {
            for (int j = 0; j < k; j++) {
                cumulative[k][j] = 1;
            }
        }
        Node mu = b.deterministic("mu", FamilySupport.repeated(first, components)
                .plus(multiply(b.data("cumulative_gaps", cumulative), gaps)));
        Node sigma = b.stochastic("sigma", components, options.prior("sigma", Bounds.POSITIVE, halfNormal(2 * scale)));
        b.observed("y", Distribution.of(NormalMixture.INSTANCE, weights, mu, sigma), y);
        return FamilyModel.of(b.build(), null, new NewObservation(components));
    }

    /** y_new: a new observation from the mixture. */
    private record NewObservation(int components) implements GeneratedQuantities {

        @Override
        public List<String> names() {
            return List.of("y_new");
        }

        @Override
        public void generate(DrawValues draw, RandomGenerator random, double[] out) {
            double[] weights = new double[components];
            for (int k = 0; k < components; k++) {
                weights[k] = draw.get("weights[" + (k + 1) + "]");
            }
            int k = NormalMixture.component(random, weights, 0, components) + 1;
            out[0] = draw.get("mu[" + k + "]") + draw.get("sigma[" + k + "]") * random.nextGaussian();
        }
    }
}
