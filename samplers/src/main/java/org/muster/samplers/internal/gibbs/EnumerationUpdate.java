package org.muster.samplers.internal.gibbs;

import java.util.List;
import org.muster.core.api.Node;
import org.muster.core.api.UnconstrainedBlock;
import org.muster.core.api.distributions.Support;

/**
 * A discrete parameter (mixture indicators, a binary switch, a bounded count) drawn member by member
 * from its full conditional by enumerating its values: the log density at every candidate value, the
 * rest of the position held fixed, then one draw proportional to the densities. Exact, so every draw
 * is accepted. Candidates: 0 and 1 for a Bernoulli, the labels 1..K for a categorical over K
 * probabilities, 0..n for a binomial of n trials.
 *
 * <p>Each candidate costs the terms of the node's Markov blanket only: for a node whose members can be
 * evaluated one at a time (labels that select their observation's parameters, say), the terms of the one
 * member, so a sweep over n members costs O(n × candidates); otherwise the node's whole blanket.
 */
final class EnumerationUpdate implements NodeUpdate {

    private final UnconstrainedBlock block;
    private final Node node;
    private final Support support;
    private double[] logDensities = new double[2];
    private Sweep.Conditional conditional;

    EnumerationUpdate(UnconstrainedBlock block) {
        this.block = block;
        this.node = block.parameter();
        this.support = node.distribution().orElseThrow().support();
        if (support == Support.NONNEGATIVE_INTEGER) {
            throw new IllegalArgumentException("gibbs cannot update the discrete parameter '" + node.name() + "' ~ "
                    + node.distribution().orElseThrow().name() + ": its values are unbounded, so they cannot be"
                    + " enumerated; bound it (a binomial or categorical) or marginalize it out");
        }
    }

    @Override
    public String explanation() {
        String values = switch (support) {
            case BINARY -> "its values 0 and 1";
            case CATEGORY -> "its labels 1.." + node.inputs().get(0).size();
            default -> "its values 0..n (n the trials)";
        };
        return node.name() + ": exact draw from the full conditional by enumerating " + values
                + (block.size() == 1 ? "" : ", for each of its " + block.size() + " members in turn");
    }

    @Override
    public void update(Sweep sweep) {
        if (conditional == null || !conditional.of(sweep)) {
            conditional = sweep.conditional(List.of(node));
        }
        // The trials of a binomial are read from the buffer; the blankets read the rest of the model there.
        sweep.computeValues();
        boolean memberwise = conditional.memberwise();
        double[] x = sweep.position;
        for (int m = 0; m < block.size(); m++) {
            int k = block.offset() + m;
            int first = support == Support.CATEGORY ? 1 : 0;
            int last = switch (support) {
                case BINARY -> 1;
                case CATEGORY -> node.inputs().get(0).size();
                default -> (int) sweep.evaluator.value(node.inputs().get(0), m);
            };
            int count = last - first + 1;
            if (logDensities.length < count) {
                logDensities = new double[Math.max(count, 2 * logDensities.length)];
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < count; c++) {
                x[k] = first + c;
                double lp = memberwise ? sweep.memberLogDensity(conditional, m) : sweep.blanketLogDensity(conditional);
                logDensities[c] = lp;
                max = Math.max(max, lp);
            }
            double total = 0;
            for (int c = 0; c < count; c++) {
                total += Math.exp(logDensities[c] - max);
            }
            double u = sweep.random.nextDouble() * total;
            int chosen = count - 1;
            double cumulative = 0;
            for (int c = 0; c < count; c++) {
                cumulative += Math.exp(logDensities[c] - max);
                if (u < cumulative) {
                    chosen = c;
                    break;
                }
            }
            x[k] = first + chosen;
        }
        sweep.positionChanged();
    }
}
