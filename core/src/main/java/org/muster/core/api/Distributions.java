package org.muster.core.api;

import org.muster.core.api.distributions.Bernoulli;
import org.muster.core.api.distributions.BernoulliLogit;
import org.muster.core.api.distributions.Beta;
import org.muster.core.api.distributions.Binomial;
import org.muster.core.api.distributions.BinomialLogit;
import org.muster.core.api.distributions.Categorical;
import org.muster.core.api.distributions.Cauchy;
import org.muster.core.api.distributions.Dirichlet;
import org.muster.core.api.distributions.Exponential;
import org.muster.core.api.distributions.Gamma;
import org.muster.core.api.distributions.HalfCauchy;
import org.muster.core.api.distributions.HalfNormal;
import org.muster.core.api.distributions.InverseGamma;
import org.muster.core.api.distributions.LkjCholesky;
import org.muster.core.api.distributions.LogNormal;
import org.muster.core.api.distributions.MultivariateNormalCholesky;
import org.muster.core.api.distributions.NegativeBinomial;
import org.muster.core.api.distributions.Normal;
import org.muster.core.api.distributions.Poisson;
import org.muster.core.api.distributions.PoissonLog;
import org.muster.core.api.distributions.StudentT;
import org.muster.core.api.distributions.Uniform;

/**
 * Distributions for stochastic nodes, in Stan's parameterizations; import statically. Every argument is
 * a {@link Node} or a number ({@code normal(mu, 5)}); use {@link Distribution#of} for a kernel of your own.
 */
public final class Distributions {

    private Distributions() {
    }

    /** Normal with mean {@code mu} and standard deviation {@code sigma}. */
    public static Distribution normal(Object mu, Object sigma) {
        return Distribution.of(Normal.INSTANCE, mu, sigma);
    }

    /** Normal(0, sigma) restricted to positive values. */
    public static Distribution halfNormal(Object sigma) {
        return Distribution.of(HalfNormal.INSTANCE, sigma);
    }

    /** Student's t with {@code nu} degrees of freedom, location {@code mu}, scale {@code sigma}. */
    public static Distribution studentT(Object nu, Object mu, Object sigma) {
        return Distribution.of(StudentT.INSTANCE, nu, mu, sigma);
    }

    public static Distribution cauchy(Object mu, Object sigma) {
        return Distribution.of(Cauchy.INSTANCE, mu, sigma);
    }

    /** Cauchy(0, sigma) restricted to positive values. */
    public static Distribution halfCauchy(Object sigma) {
        return Distribution.of(HalfCauchy.INSTANCE, sigma);
    }

    /** Exponential with rate {@code lambda} (mean 1/lambda). */
    public static Distribution exponential(Object rate) {
        return Distribution.of(Exponential.INSTANCE, rate);
    }

    /** Gamma with shape {@code alpha} and rate {@code beta} (mean alpha/beta). */
    public static Distribution gamma(Object alpha, Object beta) {
        return Distribution.of(Gamma.INSTANCE, alpha, beta);
    }

    /** Inverse gamma with shape {@code alpha} and scale {@code beta}. */
    public static Distribution inverseGamma(Object alpha, Object beta) {
        return Distribution.of(InverseGamma.INSTANCE, alpha, beta);
    }

    public static Distribution logNormal(Object mu, Object sigma) {
        return Distribution.of(LogNormal.INSTANCE, mu, sigma);
    }

    public static Distribution beta(Object alpha, Object beta) {
        return Distribution.of(Beta.INSTANCE, alpha, beta);
    }

    /** Uniform on (lower, upper); as a parameter's prior its bounds must be data. */
    public static Distribution uniform(Object lower, Object upper) {
        return Distribution.of(Uniform.INSTANCE, lower, upper);
    }

    /** Binomial: successes in {@code n} trials with success probability {@code p}. */
    public static Distribution binomial(Object n, Object p) {
        return Distribution.of(Binomial.INSTANCE, n, p);
    }

    /** Binomial with success probability {@code inv_logit(alpha)}. */
    public static Distribution binomialLogit(Object n, Object alpha) {
        return Distribution.of(BinomialLogit.INSTANCE, n, alpha);
    }

    public static Distribution bernoulli(Object p) {
        return Distribution.of(Bernoulli.INSTANCE, p);
    }

    /** Bernoulli with success probability {@code inv_logit(alpha)}. */
    public static Distribution bernoulliLogit(Object alpha) {
        return Distribution.of(BernoulliLogit.INSTANCE, alpha);
    }

    public static Distribution poisson(Object lambda) {
        return Distribution.of(Poisson.INSTANCE, lambda);
    }

    /** Poisson with rate {@code exp(alpha)}. */
    public static Distribution poissonLog(Object alpha) {
        return Distribution.of(PoissonLog.INSTANCE, alpha);
    }

    /** Negative binomial with mean {@code mu} and dispersion {@code phi}: variance mu + mu²/phi. */
    public static Distribution negativeBinomial(Object mu, Object phi) {
        return Distribution.of(NegativeBinomial.INSTANCE, mu, phi);
    }

    /** Category labels 1..K with probabilities {@code probs} (a K-vector). */
    public static Distribution categorical(Object probs) {
        return Distribution.of(Categorical.INSTANCE, probs);
    }

    /** Dirichlet over the K-simplex with concentrations {@code alpha}. */
    public static Distribution dirichlet(Object alpha) {
        return Distribution.of(Dirichlet.INSTANCE, alpha);
    }

    /** Multivariate normal with mean {@code mu} and covariance {@code L Lᵀ} (L lower-triangular K × K). */
    public static Distribution multiNormalCholesky(Object mu, Object choleskyFactor) {
        return Distribution.of(MultivariateNormalCholesky.INSTANCE, mu, choleskyFactor);
    }

    /** LKJ prior on the Cholesky factor of a correlation matrix; the node's shape must be given (K × K). */
    public static Distribution lkjCorrCholesky(Object eta) {
        return Distribution.of(LkjCholesky.INSTANCE, eta);
    }
}
