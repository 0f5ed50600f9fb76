package org.muster.models.internal;

import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Expressions.exp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.models.api.Dataset;
import org.muster.models.spi.DataColumn;
import org.muster.models.spi.FamilyData;
import org.muster.models.spi.CheckedModelFamily;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.FamilyOptions;

/**
 * Neal's funnel (Neal 2003, "Slice sampling", Annals of Statistics 31(3), §8): v ~ N(0, 3) and
 * x_k ~ N(0, exp(v/2)) for k &lt; D. No data; its neck, where the scale of x shrinks by orders of
 * magnitude, is a known-hard geometry for testing samplers. Centered by default (the hard form);
 * {@code parameterization=noncentered} samples x = exp(v/2) x_raw with x_raw ~ N(0, 1).
 */
public final class NealFunnelFamily extends CheckedModelFamily {

    private static final String DIMENSION = "dimension";
    private static final String PARAMETERIZATION = "parameterization";

    @Override
    public String id() {
        return "neal-funnel";
    }

    @Override
    public String description() {
        return "Neal's funnel, v ~ N(0, 3), x_k ~ N(0, exp(v/2)): no data, a hard geometry for samplers";
    }

    @Override
    public List<DataColumn> dataColumns() {
        return List.of();
    }

    @Override
    public Map<String, String> defaultPriors() {
        Map<String, String> priors = new LinkedHashMap<>();
        priors.put("v", "normal(0, 3)");
        priors.put("x", "normal(0, exp(v / 2))");
        return priors;
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(DIMENSION, "total dimension D >= 2: v and D - 1 x's (default 10)");
        options.put(PARAMETERIZATION, "centered (default) or noncentered");
        return options;
    }


    @Override
    protected FamilyModel create(Dataset dataset, FamilyOptions options) {
        options.requireKnownPriors(id(), List.of());
        FamilyData.of(this, dataset, options);
        if (dataset.rowCount() > 0) {
            throw new IllegalArgumentException(dataset.source() + ": model " + id() + " takes no data");
        }
        int dimension = options.integer(id(), DIMENSION, 10, 2);
        boolean centered = options.choice(id(), PARAMETERIZATION, "centered", List.of("centered", "noncentered"))
                .equals("centered");
        ModelBuilder b = Model.builder();
        Node v = b.stochastic("v", normal(0, 3));
        Node scale = exp(v.times(0.5));
        if (centered) {
            b.stochastic("x", dimension - 1, normal(0, scale));
        } else {
            Node raw = b.stochastic("x_raw", dimension - 1, normal(0, 1));
            b.deterministic("x", scale.times(raw));
        }
        return FamilyModel.of(b.build());
    }
}
