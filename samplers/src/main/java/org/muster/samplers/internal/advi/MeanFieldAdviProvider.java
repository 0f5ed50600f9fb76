package org.muster.samplers.internal.advi;

/** Provides {@code advi}: ADVI with a mean-field (diagonal) Gaussian on the unconstrained space. */
public final class MeanFieldAdviProvider extends AdviProvider {

    @Override
    public String id() {
        return "advi";
    }

    @Override
    public String description() {
        return "Mean-field ADVI: a diagonal Gaussian on the unconstrained space maximizing the ELBO (Stan's step sizes and"
                + " convergence rules), checked by Pareto-smoothed importance sampling; options iter, grad_samples,"
                + " elbo_samples, eval_elbo, tol_rel_obj, eta, adapt_engaged, adapt_iter, output_samples";
    }

    @Override
    boolean fullRank() {
        return false;
    }
}
