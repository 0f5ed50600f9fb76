package org.muster.core.api.distributions;


/**
 * Distribution functions of the univariate kernels that truncation supports, with their gradients
 * with respect to the parameters: {@code F(x) = P(X <= x)} and the survival {@code S(x) = P(X > x)},
 * each computed directly so that a tail keeps its relative accuracy. Closed forms where they exist;
 * a central difference for the shape of a gamma, the degrees of freedom of a Student t and the
 * parameters of a beta, whose exact derivatives need series of their own.
 */
final class DistributionFunctions {

    private static final double RELATIVE_STEP = 1e-6;

    private DistributionFunctions() {
    }

    /** Whether {@link #probability} knows this kernel. */
    static boolean supports(UnivariateDistribution kernel) {
        return kernel instanceof Normal || kernel instanceof LogNormal || kernel instanceof Logistic
                || kernel instanceof Exponential || kernel instanceof Weibull || kernel instanceof Gamma
                || kernel instanceof StudentT || kernel instanceof Beta
                || kernel instanceof Uniform || kernel instanceof Poisson || kernel instanceof Binomial
                || kernel instanceof Pareto;
    }

    /**
     * {@code F(x)} (or {@code S(x)} when {@code upperTail}) and, if {@code gradient} is not null, its
     * partial derivatives with respect to a, b, c in entries 0..2.
     *
     * @param gradient modified when not null: length at least 3
     */
    static double probability(UnivariateDistribution kernel, double x, double a, double b, double c, boolean upperTail,
            double[] gradient) {
        double sign = upperTail ? -1 : 1;
        if (kernel instanceof Normal || kernel instanceof LogNormal) {
            if (kernel instanceof LogNormal && x <= 0) {
                return zero(upperTail ? 1 : 0, gradient);
            }
            double point = kernel instanceof LogNormal ? Math.log(x) : x;
            double z = (point - a) / b;
            double value = NormalQuantile.cdf(upperTail ? -z : z);
            if (gradient != null) {
                double density = NormalQuantile.density(z);
                set(gradient, -sign * density / b, -sign * density * z / b, 0);
            }
            return value;
        }
        if (kernel instanceof Logistic) {
            double z = (x - a) / b;
            double value = 1 / (1 + Math.exp(upperTail ? z : -z));
            if (gradient != null) {
                double slope = value * (1 - value);
                set(gradient, -sign * slope / b, -sign * slope * z / b, 0);
            }
            return value;
        }
        if (kernel instanceof Exponential) {
            double survival = x <= 0 ? 1 : Math.exp(-a * x);
            if (gradient != null) {
                double d = x <= 0 ? 0 : -x * survival;
                set(gradient, upperTail ? d : -d, 0, 0);
            }
            return upperTail ? survival : -Math.expm1(-a * Math.max(x, 0));
        }
        if (kernel instanceof Weibull) {
            if (x <= 0) {
                return zero(upperTail ? 1 : 0, gradient);
            }
            double t = Math.pow(x / b, a);
            double survival = Math.exp(-t);
            if (gradient != null) {
                double dAlpha = -survival * t * Math.log(x / b);
                double dSigma = survival * t * a / b;
                set(gradient, upperTail ? dAlpha : -dAlpha, upperTail ? dSigma : -dSigma, 0);
            }
            return upperTail ? survival : -Math.expm1(-t);
        }
        if (kernel instanceof Pareto) {
            if (x <= a) {
                return zero(upperTail ? 1 : 0, gradient);
            }
            double survival = Math.pow(a / x, b);
            if (gradient != null) {
                double dMinimum = survival * b / a;
                double dShape = survival * Math.log(a / x);
                set(gradient, upperTail ? dMinimum : -dMinimum, upperTail ? dShape : -dShape, 0);
            }
            return upperTail ? survival : 1 - survival;
        }
        if (kernel instanceof Uniform) {
            double width = b - a;
            double u = Math.min(1, Math.max(0, (x - a) / width));
            if (gradient != null) {
                boolean inside = x > a && x < b;
                double dLower = inside ? (x - b) / (width * width) : 0;
                double dUpper = inside ? -(x - a) / (width * width) : 0;
                set(gradient, sign * dLower, sign * dUpper, 0);
            }
            return upperTail ? 1 - u : u;
        }
        if (kernel instanceof Gamma) {
            if (x <= 0) {
                return zero(upperTail ? 1 : 0, gradient);
            }
            double value = upperTail ? org.apache.commons.math3.special.Gamma.regularizedGammaQ(a, b * x) : org.apache.commons.math3.special.Gamma.regularizedGammaP(a, b * x);
            if (gradient != null) {
                double h = RELATIVE_STEP * a;
                double dShape = (gamma(a + h, b * x, upperTail) - gamma(a - h, b * x, upperTail)) / (2 * h);
                double density = Math.exp(kernel.logDensity(x, a, b, c));
                set(gradient, dShape, sign * density * x / b, 0);
            }
            return value;
        }
        if (kernel instanceof StudentT) {
            double value = studentT(x, a, b, c, upperTail);
            if (gradient != null) {
                double h = RELATIVE_STEP * a;
                double dFreedom = (studentT(x, a + h, b, c, upperTail) - studentT(x, a - h, b, c, upperTail)) / (2 * h);
                double density = Math.exp(kernel.logDensity(x, a, b, c));
                double z = (x - b) / c;
                set(gradient, dFreedom, -sign * density, -sign * density * z);
            }
            return value;
        }
        if (kernel instanceof Beta) {
            double value = beta(x, a, b, upperTail);
            if (gradient != null) {
                double ha = RELATIVE_STEP * a;
                double hb = RELATIVE_STEP * b;
                set(gradient, (beta(x, a + ha, b, upperTail) - beta(x, a - ha, b, upperTail)) / (2 * ha),
                        (beta(x, a, b + hb, upperTail) - beta(x, a, b - hb, upperTail)) / (2 * hb), 0);
            }
            return value;
        }
        if (kernel instanceof Poisson) {
            double k = Math.floor(x);
            if (k < 0) {
                return zero(upperTail ? 1 : 0, gradient);
            }
            // P(X <= k) = Q(k + 1, lambda); its derivative in lambda is minus the mass at k.
            double value = upperTail ? org.apache.commons.math3.special.Gamma.regularizedGammaP(k + 1, a) : org.apache.commons.math3.special.Gamma.regularizedGammaQ(k + 1, a);
            if (gradient != null) {
                double mass = Math.exp(kernel.logDensity(k, a, b, c));
                set(gradient, -sign * mass, 0, 0);
            }
            return value;
        }
        if (kernel instanceof Binomial) {
            double k = Math.floor(x);
            if (k < 0) {
                return zero(upperTail ? 1 : 0, gradient);
            }
            if (k >= a) {
                return zero(upperTail ? 0 : 1, gradient);
            }
            // P(X <= k) = I_{1-p}(n - k, k + 1); its derivative in p is -n times the mass at k of n - 1 trials.
            double value = upperTail ? org.apache.commons.math3.special.Beta.regularizedBeta(b, k + 1, a - k) : org.apache.commons.math3.special.Beta.regularizedBeta(1 - b, a - k, k + 1);
            if (gradient != null) {
                double mass = Math.exp(Binomial.INSTANCE.logDensity(k, a - 1, b, 0));
                set(gradient, 0, -sign * a * mass, 0);
            }
            return value;
        }
        throw new IllegalArgumentException("no distribution function for " + kernel.name());
    }

    private static double gamma(double shape, double y, boolean upperTail) {
        return upperTail ? org.apache.commons.math3.special.Gamma.regularizedGammaQ(shape, y) : org.apache.commons.math3.special.Gamma.regularizedGammaP(shape, y);
    }

    private static double studentT(double x, double nu, double mu, double sigma, boolean upperTail) {
        double t = (x - mu) / sigma;
        double tail = 0.5 * org.apache.commons.math3.special.Beta.regularizedBeta(nu / (nu + t * t), nu / 2, 0.5);
        boolean lowerHalf = t < 0;
        return lowerHalf != upperTail ? tail : 1 - tail;
    }

    private static double beta(double x, double a, double b, boolean upperTail) {
        if (x <= 0) {
            return upperTail ? 1 : 0;
        }
        if (x >= 1) {
            return upperTail ? 0 : 1;
        }
        return upperTail ? org.apache.commons.math3.special.Beta.regularizedBeta(1 - x, b, a) : org.apache.commons.math3.special.Beta.regularizedBeta(x, a, b);
    }

    private static void set(double[] gradient, double a, double b, double c) {
        gradient[0] = a;
        gradient[1] = b;
        gradient[2] = c;
    }

    private static double zero(double value, double[] gradient) {
        if (gradient != null) {
            set(gradient, 0, 0, 0);
        }
        return value;
    }
}
