package org.muster.samplers.internal.mh;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.muster.core.api.Model;
import org.muster.core.spi.ChainTarget;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MarkovChain;
import org.muster.core.spi.MarkovChainMethod;
import org.muster.core.spi.MethodOption;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;

/** Provides {@code mh}: adaptive random-walk Metropolis on the unconstrained space. */
public final class MetropolisProvider implements InferenceMethodProvider {

    static final String ID = "mh";
    private static final String TARGET_ACCEPT = "target_accept";
    private static final String PROPOSAL = "proposal";
    private static final String UPDATE = "update";
    private static final List<MethodOption> OPTIONS = List.of(
            MethodOption.number(TARGET_ACCEPT, null, 0, true, 1, true,
                    "acceptance rate the proposal's scale is tuned toward in warmup (default 0.234, 0.44 in one dimension)"),
            MethodOption.choice(PROPOSAL, "dense", List.of("dense", "diag"),
                    "dense: the proposal covariance learned from warmup draws (Haario et al. 2001); diag: variances only"),
            MethodOption.choice(UPDATE, "block", List.of("block", "componentwise"),
                    "block: all coordinates in one proposal; componentwise: one coordinate at a time"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Adaptive random-walk Metropolis on the unconstrained space: scale toward acceptance 0.234 (0.44 in 1-d)"
                + " and the proposal covariance from warmup draws (Haario et al. 2001). Options: target_accept,"
                + " proposal=dense|diag (default dense), update=block|componentwise (default block)";
    }

    @Override
    public List<MethodOption> options() {
        return OPTIONS;
    }

    private static Map<String, String> settings(double targetAcceptance, String proposal, String update) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("algorithm", "rwm");
        settings.put("target_accept", targetAcceptance > 0 ? Double.toString(targetAcceptance) : "0.234 (0.44 in 1-d)");
        settings.put(PROPOSAL, proposal);
        settings.put(UPDATE, update);
        return settings;
    }

    private static String choice(MethodOptions options, String key, String defaultValue, String other) {
        String value = options.getString(key, defaultValue).trim();
        if (!value.equals(defaultValue) && !value.equals(other)) {
            throw new IllegalArgumentException("option " + key + "=" + value + ": expected " + defaultValue + " or " + other);
        }
        return value;
    }

    @Override
    public MarkovChainMethod create(MethodOptions options) {
        options.check(ID, OPTIONS);
        String proposal = choice(options, PROPOSAL, "dense", "diag");
        String update = choice(options, UPDATE, "block", "componentwise");
        double targetAcceptance = options.getDouble(TARGET_ACCEPT, -1);
        if (targetAcceptance != -1 && !(targetAcceptance > 0 && targetAcceptance < 1)) {
            throw new IllegalArgumentException("option " + TARGET_ACCEPT + " must be in (0, 1), got " + targetAcceptance);
        }
        boolean dense = proposal.equals("dense");
        boolean componentwise = update.equals("componentwise");
        // A Gaussian random walk would propose fractional values for a discrete parameter: the runner
        // refuses models with discrete parameters (updatesDiscreteParameters is false).
        return new MarkovChainMethod() {
            @Override
            public String id() {
                return ID;
            }

            @Override
            public Map<String, String> settings(Model model, RunConfig config) {
                return MetropolisProvider.settings(targetAcceptance, proposal, update);
            }

            @Override
            public boolean usesGradient() {
                return false;
            }

            @Override
            public MarkovChain newChain(ChainTarget target, RandomGenerator random, double[] initialPoint,
                    RunConfig config) {
                return new MetropolisChain(target.evaluator(), random, initialPoint, config.warmup(), targetAcceptance,
                        dense, componentwise);
            }
        };
    }
}
