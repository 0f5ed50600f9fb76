package org.muster.core.api;

import java.util.List;
import java.util.Objects;
import org.muster.core.api.distributions.DistributionKernel;

/**
 * A distribution over a stochastic node: a kernel and its arguments, each a {@link Node} or a
 * constant number. Build them with {@link Distributions} or, for a kernel of your own, with
 * {@link #of(DistributionKernel, Object...)}.
 */
public final class Distribution {

    private final DistributionKernel kernel;
    private final List<Object> arguments;

    private Distribution(DistributionKernel kernel, List<Object> arguments) {
        this.kernel = kernel;
        this.arguments = arguments;
    }

    /**
     * A distribution with the given kernel and arguments.
     *
     * @param arguments each a {@link Node} or a {@link Number}, one per kernel parameter
     */
    public static Distribution of(DistributionKernel kernel, Object... arguments) {
        Objects.requireNonNull(kernel, "kernel");
        if (arguments.length != kernel.parameterNames().size()) {
            throw new IllegalArgumentException(kernel.name() + " takes " + kernel.parameterNames().size()
                    + " arguments " + kernel.parameterNames() + ", got " + arguments.length);
        }
        for (int i = 0; i < arguments.length; i++) {
            Object a = arguments[i];
            if (!(a instanceof Node) && !(a instanceof Number)) {
                throw new IllegalArgumentException(kernel.name() + " argument " + kernel.parameterNames().get(i)
                        + " must be a Node or a number, got " + (a == null ? "null" : a.getClass().getSimpleName()));
            }
        }
        return new Distribution(kernel, List.of(arguments));
    }

    public DistributionKernel kernel() {
        return kernel;
    }

    /** The arguments as given: {@link Node}s and {@link Number}s. */
    public List<Object> arguments() {
        return arguments;
    }
}
