package org.muster.samplers.internal.gibbs;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.muster.core.api.Conjugacy;
import org.muster.core.api.Node;
import org.muster.core.api.UnconstrainedBlock;
import org.muster.core.api.conjugate.ConjugateForms;
import org.muster.core.api.distributions.Binomial;

/**
 * A closed-form draw of a parameter node from its full conditional where every stochastic child
 * depends on it conjugately: Beta–Binomial/Bernoulli, Gamma–Poisson (with exposures), Normal–Normal
 * with known scales, Gamma on a normal precision and inverse-gamma on a normal variance (Gelman et
 * al., BDA3, ch. 2–3), by the closed forms of {@link ConjugateForms}. Each child member depends on a
 * single member of the node, so the members are conditionally independent given everything else and
 * are all drawn at once from one pass over the children's values.
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
        for (int j = 0; j < size; j++) {
            ConjugateForms.priorParameters(kind, values.value(priorArguments[0], j), values.value(priorArguments[1], j),
                    first, second, j);
        }
        for (Link link : links) {
            Node child = link.child();
            int[] memberOf = link.memberOf();
            boolean binomial = child.distribution().orElseThrow() instanceof Binomial;
            Node trials = binomial ? GibbsPlan.unalias(child.inputs().get(0)) : null;
            Node otherArgument = child.inputs().size() > 1 ? GibbsPlan.unalias(child.inputs().get(
                    kind == Conjugacy.NORMAL_NORMAL ? 1 : 0)) : null;
            for (int i = 0; i < memberOf.length; i++) {
                double other = switch (kind) {
                    case BETA_BINOMIAL -> binomial ? values.value(trials, i) : 1;
                    case GAMMA_POISSON -> link.multiplier() == null ? 1 : values.value(link.multiplier(), i);
                    default -> values.value(otherArgument, i);
                };
                ConjugateForms.addObservation(kind, values.value(child, i), other, first, second, null, memberOf[i]);
            }
        }
        for (int j = 0; j < size; j++) {
            draws[j] = ConjugateForms.draw(kind, sweep.random, first[j], second[j]);
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
        ConjugateForms.drawSimplex(sweep.random, first, draws, categories);
        block.transform().unconstrain(draws, 0, sweep.position, block.offset(), categories);
        sweep.positionChanged();
    }
}
