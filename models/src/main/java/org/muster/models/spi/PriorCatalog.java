package org.muster.models.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;
import org.muster.core.api.Distribution;
import org.muster.core.api.distributions.Cauchy;
import org.muster.core.api.distributions.Exponential;
import org.muster.core.api.distributions.HalfCauchy;
import org.muster.core.api.distributions.HalfNormal;
import org.muster.core.api.distributions.InverseGamma;
import org.muster.core.api.distributions.LogNormal;
import org.muster.core.api.distributions.Normal;
import org.muster.core.api.distributions.StudentT;
import org.muster.core.api.distributions.Support;
import org.muster.core.api.distributions.Uniform;
import org.muster.core.api.distributions.UnivariateDistribution;

/**
 * The distributions a prior can be given with on the command line, spelled as Stan spells them, and
 * how each is restricted to a parameter's bounds: a prior whose support is wider than the parameter's
 * (a normal on a scale) is truncated and renormalized, with its distribution function for the mass.
 * {@link Prior} is its public face.
 */
final class PriorCatalog {

    /** Below this mass inside the parameter's bounds a prior is taken for a mistake. */
    private static final double MINIMUM_MASS = 1e-8;
    private static final double SQRT2 = Math.sqrt(2);

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add(new Entry("normal", List.of("mu", "sigma"), 2, Normal.INSTANCE, new int[] {1},
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                (x, p) -> 0.5 * Erf.erfc(-(x - p[0]) / (p[1] * SQRT2)),
                (x, p) -> 0.5 * Erf.erfc((x - p[0]) / (p[1] * SQRT2))));
        add(new Entry("student_t", List.of("nu", "mu", "sigma"), 3, StudentT.INSTANCE, new int[] {0, 2},
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                (x, p) -> studentCdf((x - p[1]) / p[2], p[0]),
                (x, p) -> studentCdf(-(x - p[1]) / p[2], p[0])));
        add(new Entry("cauchy", List.of("mu", "sigma"), 2, Cauchy.INSTANCE, new int[] {1},
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                (x, p) -> cauchyCdf((x - p[0]) / p[1]),
                (x, p) -> cauchyCdf(-(x - p[0]) / p[1])));
        add(new Entry("half_normal", List.of("mu", "sigma"), 1, HalfNormal.INSTANCE, new int[] {0}, 0,
                Double.POSITIVE_INFINITY,
                (x, p) -> x <= 0 ? 0 : Erf.erf(x / (p[0] * SQRT2)),
                (x, p) -> x <= 0 ? 1 : Erf.erfc(x / (p[0] * SQRT2))));
        add(new Entry("half_cauchy", List.of("mu", "sigma"), 1, HalfCauchy.INSTANCE, new int[] {0}, 0,
                Double.POSITIVE_INFINITY,
                (x, p) -> x <= 0 ? 0 : 2 * Math.atan(x / p[0]) / Math.PI,
                (x, p) -> x <= 0 ? 1 : 2 * Math.atan(p[0] / x) / Math.PI));
        add(new Entry("exponential", List.of("beta"), 1, Exponential.INSTANCE, new int[] {0}, 0,
                Double.POSITIVE_INFINITY,
                (x, p) -> x <= 0 ? 0 : -Math.expm1(-p[0] * x),
                (x, p) -> x <= 0 ? 1 : Math.exp(-p[0] * x)));
        add(new Entry("gamma", List.of("alpha", "beta"), 2, org.muster.core.api.distributions.Gamma.INSTANCE,
                new int[] {0, 1}, 0, Double.POSITIVE_INFINITY,
                (x, p) -> x <= 0 ? 0 : Gamma.regularizedGammaP(p[0], p[1] * x),
                (x, p) -> x <= 0 ? 1 : Gamma.regularizedGammaQ(p[0], p[1] * x)));
        add(new Entry("inv_gamma", List.of("alpha", "beta"), 2, InverseGamma.INSTANCE, new int[] {0, 1}, 0,
                Double.POSITIVE_INFINITY,
                (x, p) -> x <= 0 ? 0 : Gamma.regularizedGammaQ(p[0], p[1] / x),
                (x, p) -> x <= 0 ? 1 : Gamma.regularizedGammaP(p[0], p[1] / x)));
        add(new Entry("lognormal", List.of("mu", "sigma"), 2, LogNormal.INSTANCE, new int[] {1}, 0,
                Double.POSITIVE_INFINITY,
                (x, p) -> x <= 0 ? 0 : 0.5 * Erf.erfc(-(Math.log(x) - p[0]) / (p[1] * SQRT2)),
                (x, p) -> x <= 0 ? 1 : 0.5 * Erf.erfc((Math.log(x) - p[0]) / (p[1] * SQRT2))));
        add(new Entry("beta", List.of("alpha", "beta"), 2, org.muster.core.api.distributions.Beta.INSTANCE,
                new int[] {0, 1}, 0, 1,
                (x, p) -> x <= 0 ? 0 : x >= 1 ? 1 : Beta.regularizedBeta(x, p[0], p[1]),
                (x, p) -> x <= 0 ? 1 : x >= 1 ? 0 : Beta.regularizedBeta(1 - x, p[1], p[0])));
        add(new Entry("uniform", List.of("alpha", "beta"), 2, Uniform.INSTANCE, new int[0],
                Double.NaN, Double.NaN, null, null));
    }

    private PriorCatalog() {
    }

    private static void add(Entry entry) {
        ENTRIES.put(entry.name, entry);
    }

    /** The distribution names a prior can use, as Stan spells them. */
    static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    /**
     * The prior {@code name(arguments)} for {@code parameter}, restricted to the parameter's bounds.
     *
     * @param text the prior as the user wrote it, for messages
     * @param arguments not modified
     * @param lower the parameter's lower bound ({@code -∞} if none)
     * @param upper the parameter's upper bound ({@code +∞} if none)
     * @throws IllegalArgumentException for an unknown distribution, a wrong number of arguments, an
     *     invalid argument, or a prior with (almost) no mass inside the bounds
     */
    static Distribution create(String parameter, String text, String name, double[] arguments, double lower,
            double upper) {
        Entry entry = ENTRIES.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("prior '" + text + "': unknown distribution '" + name + "'"
                    + suggestion(name) + "; known: " + String.join(", ", ENTRIES.keySet()));
        }
        double[] p = entry.checkArguments(text, arguments);
        if (entry.kernel == Uniform.INSTANCE) {
            double lo = Math.max(lower, p[0]);
            double hi = Math.min(upper, p[1]);
            if (!(lo < hi)) {
                throw noMass(text, parameter, lower, upper);
            }
            return Distribution.of(Uniform.INSTANCE, lo, hi);
        }
        double lo = Math.max(lower, entry.lower);
        double hi = Math.min(upper, entry.upper);
        if (!(lo < hi)) {
            throw noMass(text, parameter, lower, upper);
        }
        if (lo == entry.lower && hi == entry.upper) {
            Object[] boxed = new Object[p.length];
            for (int i = 0; i < p.length; i++) {
                boxed[i] = p[i];
            }
            return Distribution.of(entry.kernel, boxed);
        }
        double mass = hi == Double.POSITIVE_INFINITY ? entry.survival(lo, p)
                : entry.cdf(hi, p) - (lo == Double.NEGATIVE_INFINITY ? 0 : entry.cdf(lo, p));
        if (!(mass >= MINIMUM_MASS)) {
            throw new IllegalArgumentException("prior '" + text + "' puts almost no probability ("
                    + String.format(Locale.ROOT, "%.3g", mass) + ") where " + parameter + " can be ("
                    + describeBounds(parameter, lower, upper) + ")");
        }
        Support support;
        if (lo == 0 && hi == Double.POSITIVE_INFINITY) {
            support = Support.POSITIVE;
        } else if (lo == 0 && hi == 1) {
            support = Support.UNIT_INTERVAL;
        } else {
            throw new IllegalArgumentException("prior '" + text + "': cannot restrict " + name + " to (" + lo + ", "
                    + hi + ")");
        }
        return Distribution.of(new TruncatedPrior(entry, p, lo, hi, mass, support));
    }

    /** A flat (improper, constant) prior on the given support. */
    static Distribution flat(Support support) {
        return Distribution.of(new ImproperPrior(support, 0, "improper flat"));
    }

    /** The improper prior {@code x^power} on x &gt; 0, e.g. power -3/2 for a concentration. */
    static Distribution powerLaw(double power, String description) {
        return Distribution.of(new ImproperPrior(Support.POSITIVE, power, description));
    }

    /** {@code tau > 0} or {@code 0 < mean < 1}: the bounds as a reader would write them. */
    static String describeBounds(String parameter, double lower, double upper) {
        boolean hasLower = lower > Double.NEGATIVE_INFINITY;
        boolean hasUpper = upper < Double.POSITIVE_INFINITY;
        if (hasLower && hasUpper) {
            return format(lower) + " < " + parameter + " < " + format(upper);
        }
        if (hasLower) {
            return parameter + " > " + format(lower);
        }
        if (hasUpper) {
            return parameter + " < " + format(upper);
        }
        return "any real value";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static IllegalArgumentException noMass(String text, String parameter, double lower, double upper) {
        return new IllegalArgumentException("prior '" + text + "' puts no probability where " + parameter
                + " can be (" + describeBounds(parameter, lower, upper) + ")");
    }

    private static String suggestion(String name) {
        String squashed = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (String known : ENTRIES.keySet()) {
            if (known.replace("_", "").equals(squashed)) {
                return " (did you mean " + known + "?)";
            }
        }
        return "";
    }

    private static double studentCdf(double t, double nu) {
        double tail = 0.5 * Beta.regularizedBeta(nu / (nu + t * t), 0.5 * nu, 0.5);
        return t < 0 ? tail : 1 - tail;
    }

    private static double cauchyCdf(double z) {
        return z < 0 ? Math.atan(-1 / z) / Math.PI : 0.5 + Math.atan(z) / Math.PI;
    }

    /** One distribution: its Stan name, parameters, kernel, support and distribution function. */
    static final class Entry {
        private final String name;
        private final List<String> parameterNames;
        /** Arguments the kernel takes; half_normal and half_cauchy also accept a leading location of 0. */
        private final int kernelArity;
        private final UnivariateDistribution kernel;
        private final int[] positive;
        private final double lower;
        private final double upper;
        private final BiFunction<Double, double[], Double> cdf;
        private final BiFunction<Double, double[], Double> survival;

        Entry(String name, List<String> parameterNames, int kernelArity, UnivariateDistribution kernel,
                int[] positive, double lower, double upper, BiFunction<Double, double[], Double> cdf,
                BiFunction<Double, double[], Double> survival) {
            this.name = name;
            this.parameterNames = parameterNames;
            this.kernelArity = kernelArity;
            this.kernel = kernel;
            this.positive = positive;
            this.lower = lower;
            this.upper = upper;
            this.cdf = cdf;
            this.survival = survival;
        }

        UnivariateDistribution kernel() {
            return kernel;
        }

        double cdf(double x, double[] p) {
            return cdf.apply(x, p);
        }

        double survival(double x, double[] p) {
            return survival.apply(x, p);
        }

        /** The kernel's arguments, after checking count and values. */
        double[] checkArguments(String text, double[] given) {
            boolean optionalLocation = parameterNames.size() > kernelArity;
            if (given.length != kernelArity && !(optionalLocation && given.length == parameterNames.size())) {
                String expected = optionalLocation
                        ? kernelArity + " argument (" + parameterNames.get(1) + ") or " + parameterNames.size()
                                + " (" + String.join(", ", parameterNames) + ")"
                        : kernelArity + " argument" + (kernelArity == 1 ? "" : "s") + " ("
                                + String.join(", ", parameterNames) + ")";
                throw new IllegalArgumentException("prior '" + text + "': " + name + " takes " + expected + ", got "
                        + given.length);
            }
            for (int i = 0; i < given.length; i++) {
                if (!Double.isFinite(given[i])) {
                    throw new IllegalArgumentException("prior '" + text + "': argument " + (i + 1)
                            + " must be a finite number, got " + given[i]);
                }
            }
            double[] p = given;
            List<String> names = parameterNames;
            if (optionalLocation) {
                if (given.length == parameterNames.size() && given[0] != 0) {
                    throw new IllegalArgumentException("prior '" + text + "': " + name + " is centered at 0, got "
                            + parameterNames.get(0) + " = " + given[0] + "; for another location use "
                            + name.substring("half_".length()) + "(mu, sigma), which the parameter's bounds truncate");
                }
                p = new double[] {given[given.length - 1]};
                names = parameterNames.subList(1, parameterNames.size());
            }
            for (int i : positive) {
                if (!(p[i] > 0)) {
                    throw new IllegalArgumentException("prior '" + text + "': " + names.get(i)
                            + " must be positive, got " + p[i]);
                }
            }
            if (kernel == Uniform.INSTANCE && !(p[0] < p[1])) {
                throw new IllegalArgumentException("prior '" + text + "': the lower bound " + p[0]
                        + " must be below the upper bound " + p[1]);
            }
            return p.clone();
        }

        @Override
        public String toString() {
            return name + new ArrayList<>(parameterNames);
        }
    }
}
