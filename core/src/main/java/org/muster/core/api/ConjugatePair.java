package org.muster.core.api;

import java.util.Optional;

/**
 * A stochastic node ({@code prior}) that enters a stochastic child ({@code child}) in a conjugate way.
 *
 * @param prior the parameter with the conjugate prior
 * @param child the stochastic node whose distribution depends on it
 * @param kind which conjugate family
 * @param index for a vector prior gathered to the child's members ({@code theta.at(group)}), the
 *     gather node; empty when the child uses the prior member by member or as a scalar
 * @param multiplier for Gamma–Poisson with exposures ({@code lambda = e * theta}), the data node
 *     {@code e}; empty otherwise
 */
public record ConjugatePair(Node prior, Node child, Conjugacy kind, Optional<Node> index, Optional<Node> multiplier) {

    @Override
    public String toString() {
        return prior.name() + " -> " + child.name() + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
