package org.muster.models.internal;

import static org.muster.core.api.Distributions.halfCauchy;
import static org.muster.core.api.Distributions.normal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.models.api.Dataset;
import org.muster.models.spi.DataColumn;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

/**
 * The eight-schools model (Rubin 1981; Gelman et al., BDA3 §5.5): estimated effects y_j with known
 * standard errors sigma_j, theta_j ~ N(mu, tau), written non-centered (theta = mu + tau · z) so the
 * funnel between tau and theta does not trap samplers.
 */
public final class EightSchoolsFamily implements ModelFamily {

    @Override
    public String id() {
        return "eight-schools";
    }

    @Override
    public String description() {
        return "Normal hierarchical model of estimates with known standard errors (non-centered)";
    }

    @Override
    public List<DataColumn> dataColumns() {
        return List.of(
                new DataColumn("effect", "real", "estimated effect y_j of each unit"),
                new DataColumn("stderr", "positive real", "standard error sigma_j of each estimate"));
    }

    @Override
    public Map<String, String> defaultPriors() {
        return Map.of("mu", "normal(0, 5)", "tau", "half_cauchy(0, 5)");
    }

    @Override
    public Optional<String> defaultDataset() {
        return Optional.of("eight-schools");
    }

    @Override
    public Model build(Dataset data, FamilyOptions options) {
        options.requireKnown(id(), Set.of());
        return model(data.real("effect"), data.positive("stderr"));
    }

    /** The model for effects {@code y} with standard errors {@code sigma}. @param y not modified @param sigma not modified */
    public static Model model(double[] y, double[] sigma) {
        if (y.length != sigma.length) {
            throw new IllegalArgumentException("effect has " + y.length + " values but stderr has " + sigma.length);
        }
        ModelBuilder b = Model.builder();
        Node stderr = b.data("sigma", sigma);
        Node mu = b.stochastic("mu", normal(0, 5));
        Node tau = b.stochastic("tau", halfCauchy(5));
        Node z = b.stochastic("z", y.length, normal(0, 1));
        Node theta = b.deterministic("theta", mu.plus(tau.times(z)));
        b.observed("y", normal(theta, stderr), y);
        return b.build();
    }
}
