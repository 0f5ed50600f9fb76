package org.example.muster.coins;

import static org.muster.core.api.Distributions.beta;
import static org.muster.core.api.Distributions.binomial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;
import org.muster.models.api.Dataset;
import org.muster.models.spi.DataColumn;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;

/**
 * One coin flipped {@code flips} times, {@code heads} of them heads, with its heads rate
 * theta ~ Beta(a, b): the beta-binomial model, whose posterior is Beta(a + heads, b + flips - heads).
 * The data are two numbers, given as options ({@code --param heads=7 --param flips=10} by default),
 * so the family reads no file.
 */
public final class CoinFlipsFamily implements ModelFamily {

    private static final String HEADS = "heads";
    private static final String FLIPS = "flips";
    private static final String A = "a";
    private static final String B = "b";

    @Override
    public String id() {
        return "coin-flips";
    }

    @Override
    public String description() {
        return "Heads in flips of one coin, heads rate theta ~ Beta(a, b) (example plugin)";
    }

    @Override
    public List<DataColumn> dataColumns() {
        return List.of();
    }

    @Override
    public Map<String, String> defaultPriors() {
        return Map.of("theta", "beta(a, b), a = b = 1 unless set with --param");
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(HEADS, "number of heads (default 7)");
        options.put(FLIPS, "number of flips (default 10)");
        options.put(A, "first shape of theta's beta prior (default 1)");
        options.put(B, "second shape of theta's beta prior (default 1)");
        return options;
    }

    @Override
    public Model build(Dataset data, FamilyOptions options) {
        options.requireKnown(id(), options().keySet());
        options.requirePooling(id(), poolings());
        options.requireKnownPriors(id(), List.of());
        int flips = options.integer(id(), FLIPS, 10, 1);
        int heads = options.integer(id(), HEADS, 7, 0);
        if (heads > flips) {
            throw new IllegalArgumentException("option heads=" + heads + " for model " + id()
                    + ": must not exceed flips=" + flips);
        }
        ModelBuilder model = Model.builder();
        Node theta = model.stochastic("theta", beta(options.positive(id(), A, 1), options.positive(id(), B, 1)));
        model.observed("y", binomial(model.data("n", flips), theta), heads);
        return model.build();
    }
}
