package org.muster.app.api;

import java.util.Optional;
import org.muster.core.api.Fit;
import org.muster.core.api.PointEstimate;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.VariationalFit;
import org.muster.diagnostics.api.PosteriorSummary;
import org.muster.models.api.ShrinkageTable;

/**
 * What a run gave: the method's fit and, for posterior draws, their summary and (for a model family
 * with units) the shrinkage table. Immutable.
 */
public final class FitOutcome {

    private final Fit fit;
    private final Optional<PosteriorSummary> summary;
    private final Optional<ShrinkageTable> shrinkage;

    FitOutcome(Fit fit, Optional<PosteriorSummary> summary, Optional<ShrinkageTable> shrinkage) {
        this.fit = fit;
        this.summary = summary;
        this.shrinkage = shrinkage;
    }

    /** Posterior draws or a point estimate, as the method returned it. */
    public Fit fit() {
        return fit;
    }

    /** Each unit's raw estimate next to its posterior; empty for a point estimate or a model without units. */
    public Optional<ShrinkageTable> shrinkage() {
        return shrinkage;
    }

    /**
     * The posterior draws (for a variational method, the draws from its approximation).
     *
     * @throws IllegalStateException when the method gave a point estimate
     */
    public PosteriorDraws draws() {
        if (fit instanceof PosteriorDraws draws) {
            return draws;
        }
        if (fit instanceof VariationalFit variational) {
            return variational.draws();
        }
        throw new IllegalStateException("the method gave a " + fit.getClass().getSimpleName() + ", not posterior draws");
    }

    /**
     * The variational approximation (ELBO trace, Pareto k-hat), for {@code advi} and {@code advi-fullrank}.
     *
     * @throws IllegalStateException for any other kind of fit
     */
    public VariationalFit variational() {
        if (fit instanceof VariationalFit variational) {
            return variational;
        }
        throw new IllegalStateException("the method gave " + fit.getClass().getSimpleName() + ", not a variational fit");
    }

    /**
     * The point estimate.
     *
     * @throws IllegalStateException when the method gave posterior draws
     */
    public PointEstimate pointEstimate() {
        if (fit instanceof PointEstimate estimate) {
            return estimate;
        }
        throw new IllegalStateException("the method gave " + fit.getClass().getSimpleName() + ", not a point estimate");
    }

    /**
     * The summary of the draws.
     *
     * @throws IllegalStateException when the method gave a point estimate
     */
    public PosteriorSummary summary() {
        return summary.orElseThrow(() -> new IllegalStateException("a point estimate has no posterior summary"));
    }
}
