package org.muster.models.spi;

import java.util.List;
import java.util.random.RandomGenerator;
import org.muster.core.api.distributions.Support;
import org.muster.core.api.distributions.UnivariateDistribution;

/**
 * A prior with constant arguments restricted to the bounds of the parameter it is put on, as Stan's
 * {@code real<lower=0> tau; tau ~ normal(0, 1);} but normalized: the log density is the base
 * distribution's minus the log of its mass inside the bounds, so it integrates to one. It takes no
 * node arguments; the constants are part of the kernel.
 */
final class TruncatedPrior implements UnivariateDistribution {

    /** Below this acceptance rate, draws come from inverting the distribution function instead of rejection. */
    private static final double REJECTION_MINIMUM_MASS = 0.05;

    private final PriorCatalog.Entry base;
    private final double[] arguments;
    private final double lower;
    private final double upper;
    private final double mass;
    private final double logMass;
    private final Support support;

    TruncatedPrior(PriorCatalog.Entry base, double[] arguments, double lower, double upper, double mass,
            Support support) {
        this.base = base;
        this.arguments = arguments.clone();
        this.lower = lower;
        this.upper = upper;
        this.mass = mass;
        this.logMass = Math.log(mass);
        this.support = support;
    }

    @Override
    public String name() {
        return base.kernel().name();
    }

    @Override
    public List<String> parameterNames() {
        return List.of();
    }

    @Override
    public Support support() {
        return support;
    }

    @Override
    public double logDensity(double x, double a, double b, double c) {
        if (!(x >= lower && x <= upper)) {
            return Double.NEGATIVE_INFINITY;
        }
        return base.kernel().logDensity(x, argument(0), argument(1), argument(2)) - logMass;
    }

    @Override
    public double logDensityGradient(double x, double a, double b, double c, double[] gradient) {
        if (!(x >= lower && x <= upper)) {
            gradient[0] = 0;
            gradient[1] = 0;
            gradient[2] = 0;
            gradient[3] = 0;
            return Double.NEGATIVE_INFINITY;
        }
        double logDensity = base.kernel().logDensityGradient(x, argument(0), argument(1), argument(2), gradient);
        // The arguments are constants of this kernel, not graph inputs: nothing flows back to them.
        gradient[1] = 0;
        gradient[2] = 0;
        gradient[3] = 0;
        return logDensity - logMass;
    }

    @Override
    public double sample(RandomGenerator random, double a, double b, double c) {
        if (mass >= REJECTION_MINIMUM_MASS) {
            while (true) {
                double x = base.kernel().sample(random, argument(0), argument(1), argument(2));
                if (x >= lower && x <= upper) {
                    return x;
                }
            }
        }
        return invert(random.nextDouble());
    }

    /** The value whose truncated distribution function is {@code u}, by bisection on the base's. */
    private double invert(double u) {
        boolean upperTail = upper == Double.POSITIVE_INFINITY;
        // In the upper tail the survival function keeps its digits where the distribution function is near one.
        double target = upperTail ? base.survival(lower, arguments) * (1 - u)
                : base.cdf(lower, arguments) + u * mass;
        double lo = lower;
        double hi = upper;
        if (upperTail) {
            double step = 1;
            hi = lower + step;
            for (int i = 0; i < 2000 && base.survival(hi, arguments) > target; i++) {
                step *= 2;
                hi = lower + step;
            }
        }
        for (int i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(hi)); i++) {
            double mid = 0.5 * (lo + hi);
            boolean below = upperTail ? base.survival(mid, arguments) > target : base.cdf(mid, arguments) < target;
            if (below) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private double argument(int i) {
        return i < arguments.length ? arguments[i] : 0;
    }

    @Override
    public String toString() {
        return base.kernel().name() + " truncated to [" + lower + ", " + upper + "]";
    }
}
