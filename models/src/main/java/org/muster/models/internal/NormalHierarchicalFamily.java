package org.muster.models.internal;

import static org.muster.core.api.Distributions.halfCauchy;
import static org.muster.core.api.Distributions.normal;

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
 * Estimates y_j with known standard errors sigma_j, theta_j ~ N(mu, tau) (Rubin 1981; Gelman et al.,
 * BDA3 §5.5). Non-centered by default (theta = mu + tau z), so the funnel between tau and theta does
 * not trap samplers; {@code parameterization=centered} samples theta directly.
 */
public class NormalHierarchicalFamily extends CheckedModelFamily {

    private static final String PARAMETERIZATION = "parameterization";
    private static final String NEW_SIGMA = "new_sigma";

    private final String id;
    private final String description;

    public NormalHierarchicalFamily() {
        this("normal-hierarchical", "Estimates with known standard errors, theta_j ~ N(mu, tau) (eight schools)");
    }

    NormalHierarchicalFamily(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<DataColumn> dataColumns() {
        return List.of(
                new DataColumn("y", "real", "the estimate y_j of each unit"),
                new DataColumn("sigma", "positive real", "the standard error sigma_j of each estimate"),
                DataColumn.optional(FamilyData.GROUP, "integer 1..J", "the unit of each row, when units have several rows"),
                DataColumn.optional(FamilyData.UNIT, "text", "a label for each unit"));
    }

    @Override
    public final Map<String, String> defaultPriors() {
        Map<String, String> priors = new LinkedHashMap<>();
        priors.put("mu", "normal(0, 5)");
        priors.put("tau", "half_cauchy(0, 5)");
        return priors;
    }

    @Override
    public final Optional<String> defaultDataset() {
        return Optional.of("eight-schools");
    }

    @Override
    public final Map<String, ColumnMapping> builtInData() {
        return Map.of("eight-schools", ColumnMapping.parse("y=effect,sigma=stderr,unit=school"));
    }

    @Override
    public final Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(PARAMETERIZATION, "noncentered (default: theta = mu + tau z) or centered (theta ~ normal(mu, tau))");
        options.put(NEW_SIGMA, "standard error of the new unit's estimate y_new (default: the median sigma_j)");
        return options;
    }

    @Override
    public final Set<Pooling> poolings() {
        return Set.of(Pooling.PARTIAL, Pooling.NONE, Pooling.COMPLETE);
    }

    @Override
    protected final FamilyModel create(Dataset dataset, FamilyOptions options) {
        boolean centered = options.choice(id, PARAMETERIZATION, "noncentered", List.of("noncentered", "centered"))
                .equals("centered");
        FamilyData data = FamilyData.of(this, dataset, options);
        double[] y = data.real("y");
        double[] sigma = data.positive("sigma");
        UnitIndex units = data.units();
        double newSigma = options.positive(id, NEW_SIGMA, FamilySupport.median(sigma));
        ModelBuilder b = Model.builder();
        Node standardErrors = b.data("sigma", sigma);
        Node theta;
        GeneratedQuantities newUnit;
        Optional<String> population = Optional.of("mu");
        switch (options.pooling()) {
            case PARTIAL -> {
                options.requireKnownPriors(id, List.of("mu", "tau"));
                Node mu = b.stochastic("mu", options.prior("mu", Bounds.REAL, normal(0, 5)));
                Node tau = b.stochastic("tau", options.prior("tau", Bounds.POSITIVE, halfCauchy(5)));
                if (centered) {
                    theta = b.stochastic("theta", units.count(), normal(mu, tau));
                } else {
                    Node z = b.stochastic("z", units.count(), normal(0, 1));
                    theta = b.deterministic("theta", mu.plus(tau.times(z)));
                }
                newUnit = new NewUnit(newSigma, false);
            }
            case NONE -> {
                options.requireKnownPriors(id, List.of("theta"));
                theta = b.stochastic("theta", units.count(),
                        options.prior("theta", Bounds.REAL, Prior.flat(Support.REAL)));
                newUnit = null;
                population = Optional.empty();
            }
            case COMPLETE -> {
                options.requireKnownPriors(id, List.of("mu"));
                Node mu = b.stochastic("mu", options.prior("mu", Bounds.REAL, normal(0, 5)));
                theta = b.deterministic("theta", FamilySupport.repeated(mu, units.count()));
                newUnit = new NewUnit(newSigma, true);
            }
            default -> throw new IllegalStateException("unknown pooling " + options.pooling());
        }
        b.observed("y", normal(FamilySupport.byRow(theta, units), standardErrors), y);
        UnitEstimates estimates = new UnitEstimates("theta", units.labels(), rawEstimates(y, sigma, units),
                units.oneRowPerUnit() ? "y" : "precision-weighted mean of y", population);
        return FamilyModel.of(b.build(), estimates, newUnit);
    }

    /** Each unit's precision-weighted mean of its estimates (its own estimate when it has one row). */
    private static double[] rawEstimates(double[] y, double[] sigma, UnitIndex units) {
        double[] weighted = new double[y.length];
        double[] precision = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            precision[i] = 1 / (sigma[i] * sigma[i]);
            weighted[i] = y[i] * precision[i];
        }
        double[] sums = units.sumByUnit(weighted);
        double[] precisions = units.sumByUnit(precision);
        double[] out = new double[sums.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = precisions[j] > 0 ? sums[j] / precisions[j] : Double.NaN;
        }
        return out;
    }

    /** theta_new ~ N(mu, tau) (or the shared mean), y_new ~ N(theta_new, new sigma). */
    private record NewUnit(double sigma, boolean complete) implements GeneratedQuantities {

        @Override
        public List<String> names() {
            return List.of("theta_new", "y_new");
        }

        @Override
        public void generate(DrawValues draw, RandomGenerator random, double[] out) {
            double theta = draw.get("mu");
            if (!complete) {
                theta += draw.get("tau") * RandomVariates.standardNormal(random);
            }
            out[0] = theta;
            out[1] = theta + sigma * RandomVariates.standardNormal(random);
        }
    }
}
