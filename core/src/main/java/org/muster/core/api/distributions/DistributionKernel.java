package org.muster.core.api.distributions;

import java.util.List;

/**
 * The numerical side of a distribution: its name, parameters and support. Kernels are stateless and
 * thread-safe; the graph refers to them from its stochastic nodes.
 */
public sealed interface DistributionKernel permits UnivariateDistribution, MultivariateDistribution {

    /** Lower-case identifier as used in messages and on the command line, e.g. {@code "normal"}. */
    String name();

    /** Names of the parameters in argument order, e.g. {@code ["mu", "sigma"]}. */
    List<String> parameterNames();

    /** Where the distribution puts mass. */
    Support support();

    /**
     * The transform a parameter with this kernel is sampled through when the kernel fixes it itself (a
     * truncation's or a censoring's bounds, a positive-definite matrix), or {@code null} to choose one by
     * {@link #support()}.
     */
    default org.muster.core.api.transforms.Transform parameterTransform() {
        return null;
    }
}
