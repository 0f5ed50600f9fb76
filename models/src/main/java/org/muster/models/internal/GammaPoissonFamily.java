package org.muster.models.internal;

import static org.muster.core.api.Distributions.exponential;
import static org.muster.core.api.Distributions.gamma;
import static org.muster.core.api.Distributions.poisson;
import static org.muster.core.api.Expressions.square;

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
import org.muster.core.api.distributions.Support;
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
import org.muster.models.spi.UnitIndex;

/**
 * Counts n_i over exposures e_i with n_i ~ Poisson(e_i lambda_i) and rates lambda_i ~ Gamma with
 * population mean mu and standard deviation sigma (shape (mu/sigma)², rate mu/sigma²). The default
 * priors on mu and sigma are exponential with mean the pooled rate sum(n)/sum(e): weakly
 * informative on the data's own scale, as rstanarm scales its defaults.
 */
public final class GammaPoissonFamily extends CheckedModelFamily {

    private static final String NEW_EXPOSURE = "new_exposure";

    @Override
    public String id() {
        return "gamma-poisson";
    }

    @Override
    public String description() {
        return "Counts over exposures per unit, rates lambda_i ~ Gamma(mean mu, sd sigma)";
    }

    @Override
    public List<DataColumn> dataColumns() {
        return List.of(
                new DataColumn("n", "integer >= 0", "the count n_i of each unit"),
                new DataColumn("e", "positive real", "the exposure e_i of each unit (time, area, population)"),
                DataColumn.optional(FamilyData.GROUP, "integer 1..J", "the unit of each row, when units have several rows"),
                DataColumn.optional(FamilyData.UNIT, "text", "a label for each unit"));
    }

    @Override
    public Map<String, String> defaultPriors() {
        Map<String, String> priors = new LinkedHashMap<>();
        priors.put("mu", "exponential(1 / r), r = sum(n) / sum(e), the pooled rate");
        priors.put("sigma", "exponential(1 / r), r = sum(n) / sum(e), the pooled rate");
        return priors;
    }

    @Override
    public Optional<String> defaultDataset() {
        return Optional.of("gamma-poisson-sources");
    }

    @Override
    public Map<String, ColumnMapping> builtInData() {
        return Map.of("gamma-poisson-sources", ColumnMapping.parse("n=counts,e=exposure,unit=source"));
    }

    @Override
    public Map<String, String> options() {
        return Map.of(NEW_EXPOSURE, "exposure of the new unit in n_new (default: the median of the units' exposures)");
    }

    @Override
    public Set<Pooling> poolings() {
        return Set.of(Pooling.PARTIAL, Pooling.NONE, Pooling.COMPLETE);
    }


    @Override
    protected FamilyModel create(Dataset dataset, FamilyOptions options) {
        FamilyData data = FamilyData.of(this, dataset, options);
        int[] counts = data.counts("n");
        double[] exposures = data.positive("e");
        UnitIndex units = data.units();
        double[] unitCounts = units.sumByUnit(counts);
        double[] unitExposures = units.sumByUnit(exposures);
        double pooledRate = Math.max(1, sum(unitCounts)) / sum(unitExposures);
        double newExposure = options.positive(id(), NEW_EXPOSURE, FamilySupport.median(unitExposures));
        ModelBuilder b = Model.builder();
        Node exposure = b.data("e", exposures);
        Node lambda;
        GeneratedQuantities newUnit;
        Optional<String> population = Optional.of("mu");
        switch (options.pooling()) {
            case PARTIAL -> {
                options.requireKnownPriors(id(), List.of("mu", "sigma"));
                Node mu = b.stochastic("mu", options.prior("mu", Bounds.POSITIVE, exponential(1 / pooledRate)));
                Node sigma = b.stochastic("sigma", options.prior("sigma", Bounds.POSITIVE, exponential(1 / pooledRate)));
                Node shape = square(mu.div(sigma));
                Node rate = mu.div(square(sigma));
                lambda = b.stochastic("lambda", units.count(), gamma(shape, rate));
                newUnit = new NewUnit(newExposure, false);
            }
            case NONE -> {
                options.requireKnownPriors(id(), List.of("lambda"));
                lambda = b.stochastic("lambda", units.count(),
                        options.prior("lambda", Bounds.POSITIVE, Prior.flat(Support.POSITIVE)));
                newUnit = null;
                population = Optional.empty();
            }
            case COMPLETE -> {
                options.requireKnownPriors(id(), List.of("mu"));
                Node mu = b.stochastic("mu", options.prior("mu", Bounds.POSITIVE, exponential(1 / pooledRate)));
                lambda = b.deterministic("lambda", FamilySupport.repeated(mu, units.count()));
                newUnit = new NewUnit(newExposure, true);
            }
            default -> throw new IllegalStateException("unknown pooling " + options.pooling());
        }
        b.observed("n", poisson(exposure.times(FamilySupport.byRow(lambda, units))), counts);
        double[] raw = new double[units.count()];
        for (int j = 0; j < raw.length; j++) {
            raw[j] = unitCounts[j] / unitExposures[j];
        }
        UnitEstimates estimates = new UnitEstimates("lambda", units.labels(), raw, "n/e", population);
        return FamilyModel.of(b.build(), estimates, newUnit);
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    /** lambda_new ~ Gamma(shape, rate) (or the shared rate), n_new ~ Poisson(new exposure × lambda_new). */
    private record NewUnit(double exposure, boolean complete) implements GeneratedQuantities {

        @Override
        public List<String> names() {
            return List.of("lambda_new", "n_new");
        }

        @Override
        public void generate(DrawValues draw, RandomGenerator random, double[] out) {
            double mu = draw.get("mu");
            double lambda = mu;
            if (!complete) {
                double sigma = draw.get("sigma");
                double shape = (mu / sigma) * (mu / sigma);
                lambda = RandomVariates.gamma(random, shape) * sigma * sigma / mu;
            }
            out[0] = lambda;
            out[1] = RandomVariates.poisson(random, exposure * lambda);
        }
    }
}
