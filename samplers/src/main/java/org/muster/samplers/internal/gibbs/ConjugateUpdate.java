package org.muster.samplers.internal.gibbs;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.muster.core.api.Conjugacy;
import org.muster.core.api.Node;
import org.muster.core.api.UnconstrainedBlock;
import org.muster.core.api.distributions.Binomial;
import org.muster.core.api.distributions.RandomVariates;

/**
 * A closed-form draw of a parameter node from its full conditional where every stochastic child
 * depends on it conjugately: Beta–Binomial/Bernoulli, Gamma–Poisson (with exposures), Normal–Normal
 * with known scales, Gamma on a normal precision and inverse-gamma on a normal variance (Gelman et
 * al., BDA3, ch. 2–3). Each child member depends on a single member of the node, so the members are
 * conditionally independent given everything else and are all drawn at once from one pass over the
 * children's values.
 *
 * <p>The draw is exact, so the update is a Gibbs step with acceptance one. It is made on the
 * constrained scale and written back through the node's transform; a draw that underflows to the edge
 * of the support (a Beta draw of exactly 0 or 1 with tiny shape parameters) is moved to the nearest
 * interior double so that its unconstrained value stays finite.
 */
final class ConjugateUpdate implements NodeUpdate {

    /**
     * A child whose distribution depends on the node conjugately.
     *
     * @param child the stochastic child
     * @param memberOf for each member of the child, the member of the node it depends on (owned)
     * @param multiplier for Gamma–Poisson with exposures, the data node multiplying the rate; else null
     */
    record Link(Node child, int[] memberOf, Node multiplier) {
    }

    private final Node parameter;
    private final UnconstrainedBlock block;
    private final Conjugacy kind;
    private final List<Link> links;
    private final Node[] priorArguments;
    private final double[] first;
    private final double[] second;
    private final double[] draws;

    ConjugateUpdate(UnconstrainedBlock block, Conjugacy kind, List<Link> links) {
        this.parameter = block.parameter();
        this.block = block;
        this.kind = kind;
        this.links = List.copyOf(links);
        this.priorArguments = parameter.inputs().stream().map(GibbsPlan::unalias).toArray(Node[]::new);
        this.first = new double[parameter.size()];
        this.second = new double[parameter.size()];
        this.draws = new double[parameter.size()];
    }

    @Override
    public String explanation() {
        String children = links.stream().map(l -> l.child().name()).collect(Collectors.joining(", "));
        String members = parameter.size() == 1 ? "" : kind == Conjugacy.DIRICHLET_CATEGORICAL
                ? " (the " + parameter.size() + "-simplex in one draw)" : " (all " + parameter.size() + " members in one draw)";
        return parameter.name() + ": conjugate " + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + " given "
                + children + members;
    }

    @Override
    public void update(Sweep sweep) {
        if (kind == Conjugacy.DIRICHLET_CATEGORICAL) {
            updateSimplex(sweep);
            return;
        }
        sweep.computeValues();
        var values = sweep.evaluator;
        int size = parameter.size();
        // Prior hyperparameters in the form the posterior updates add to: (a, b) of a Beta, (shape, rate)
        // of a Gamma, (shape, scale) of an inverse gamma, (precision, precision × mean) of a Normal.
        for (int j = 0; j < size; j++) {
            double a = values.value(priorArguments[0], j);
            double b = values.value(priorArguments[1], j);
            if (kind == Conjugacy.NORMAL_NORMAL) {
                double precision = 1 / (b * b);
                first[j] = precision;
                second[j] = precision * a;
            } else {
                first[j] = a;
                second[j] = b;
            }
        }
        for (Link link : links) {
            Node child = link.child();
            int[] memberOf = link.memberOf();
            boolean binomial = child.distribution().orElseThrow() instanceof Binomial;
            Node trials = binomial ? GibbsPlan.unalias(child.inputs().get(0)) : null;
            Node otherArgument = child.inputs().size() > 1 ? GibbsPlan.unalias(child.inputs().get(
                    kind == Conjugacy.NORMAL_NORMAL ? 1 : 0)) : null;
            for (int i = 0; i < memberOf.length; i++) {
                int j = memberOf[i];
                double y = values.value(child, i);
                switch (kind) {
                    case BETA_BINOMIAL -> {
                        double n = binomial ? values.value(trials, i) : 1;
                        first[j] += y;
                        second[j] += n - y;
                    }
                    case GAMMA_POISSON -> {
                        first[j] += y;
                        second[j] += link.multiplier() == null ? 1 : values.value(link.multiplier(), i);
                    }
                    case NORMAL_NORMAL -> {
                        double scale = values.value(otherArgument, i);
                        double precision = 1 / (scale * scale);
                        first[j] += precision;
                        second[j] += precision * y;
                    }
                    case GAMMA_NORMAL_PRECISION, INVERSE_GAMMA_NORMAL_VARIANCE -> {
                        double residual = y - values.value(otherArgument, i);
                        first[j] += 0.5;
                        second[j] += 0.5 * residual * residual;
                    }
                    default -> throw new IllegalStateException("no conjugate update for " + kind);
                }
            }
        }
        for (int j = 0; j < size; j++) {
            draws[j] = draw(sweep, first[j], second[j]);
        }
        block.transform().unconstrain(draws, 0, sweep.position, block.offset(), size);
        sweep.positionChanged();
    }

    private void updateSimplex(Sweep sweep) {
        sweep.computeValues();
        var values = sweep.evaluator;
        int categories = parameter.size();
        for (int k = 0; k < categories; k++) {
            first[k] = values.value(priorArguments[0], k);
        }
        for (Link link : links) {
            for (int i = 0; i < link.child().size(); i++) {
                first[(int) values.value(link.child(), i) - 1] += 1;
            }
        }
        double total = 0;
        for (int k = 0; k < categories; k++) {
            draws[k] = RandomVariates.gamma(sweep.random, first[k]);
            total += draws[k];
        }
        // A gamma draw can underflow to zero for a tiny concentration; the stick-breaking transform needs
        // every entry positive, so such entries are lifted to the smallest normal double.
        double lifted = 0;
        for (int k = 0; k < categories; k++) {
            draws[k] = Math.max(draws[k] / total, Double.MIN_NORMAL);
            lifted += draws[k];
        }
        for (int k = 0; k < categories; k++) {
            draws[k] /= lifted;
        }
        block.transform().unconstrain(draws, 0, sweep.position, block.offset(), categories);
        sweep.positionChanged();
    }

    private double draw(Sweep sweep, double a, double b) {
        var random = sweep.random;
        return switch (kind) {
            case BETA_BINOMIAL -> {
                double p = RandomVariates.beta(random, a, b);
                yield p > 0 ? (p < 1 ? p : Math.nextDown(1.0)) : Double.MIN_VALUE;
            }
            case GAMMA_POISSON, GAMMA_NORMAL_PRECISION -> Math.max(RandomVariates.gamma(random, a) / b, Double.MIN_VALUE);
            case INVERSE_GAMMA_NORMAL_VARIANCE -> Math.max(b / RandomVariates.gamma(random, a), Double.MIN_VALUE);
            case NORMAL_NORMAL -> b / a + RandomVariates.standardNormal(random) / Math.sqrt(a);
            default -> throw new IllegalStateException("no conjugate update for " + kind);
        };
    }
}
