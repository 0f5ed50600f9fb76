package org.muster.samplers.internal.advi;

/** Provides {@code advi-fullrank}: ADVI with a full-covariance Gaussian on the unconstrained space. */
public final class FullRankAdviProvider extends AdviProvider {

    @Override
    public String id() {
        return "advi-fullrank";
    }

    @Override
    public String description() {
        return "Full-rank ADVI: a Gaussian with a full covariance (Cholesky factor) on the unconstrained space maximizing"
                + " the ELBO, checked by Pareto-smoothed importance sampling; options iter, grad_samples, elbo_samples,"
                + " eval_elbo, tol_rel_obj, eta, adapt_engaged, adapt_iter, output_samples";
    }

    @Override
    boolean fullRank() {
        return true;
    }
}
