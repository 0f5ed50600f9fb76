package org.muster.app.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.muster.app.api.FitOutcome;
import org.muster.core.api.ChainReport;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.VariationalFit;
import org.muster.diagnostics.api.PosteriorSummary;
import org.muster.models.api.ShrinkageTable;

/**
 * What {@code report.html} shows of one fit.
 *
 * @param familyId the model family, e.g. {@code eight-schools}
 * @param datasetSource where the data came from, e.g. {@code built-in 'rats'} or a file name
 * @param methodId the inference method, e.g. {@code nuts}
 * @param seed the run's seed
 * @param warmup warmup iterations per chain (not in the draws)
 * @param draws the sampling draws of every chain
 * @param summary the summary rows, sampler checks and warnings of {@code draws}
 * @param shrinkage the units' shrinkage, if the model has units
 * @param interruption for a run that was interrupted or killed, what happened to its chains, in words
 * @param variational for draws from a variational approximation, the approximation: the page then speaks
 *     of its Pareto k-hat, not of chains, R-hat and ESS
 */
public record ReportInput(String familyId, String datasetSource, String methodId, long seed, int warmup,
        PosteriorDraws draws, PosteriorSummary summary, Optional<ShrinkageTable> shrinkage,
        Optional<String> interruption, Optional<VariationalFit> variational) {

    public ReportInput {
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(datasetSource, "datasetSource");
        Objects.requireNonNull(methodId, "methodId");
        Objects.requireNonNull(draws, "draws");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(shrinkage, "shrinkage");
        Objects.requireNonNull(interruption, "interruption");
        Objects.requireNonNull(variational, "variational");
    }

    /** The input for a run that was not interrupted. */
    public ReportInput(String familyId, String datasetSource, String methodId, long seed, int warmup,
            PosteriorDraws draws, PosteriorSummary summary, Optional<ShrinkageTable> shrinkage) {
        this(familyId, datasetSource, methodId, seed, warmup, draws, summary, shrinkage, Optional.empty(),
                Optional.empty());
    }

    /** The input for a fit with draws. */
    public static ReportInput of(FitOutcome result) {
        return new ReportInput(result.modelName(), result.datasetSource(), result.draws().methodId(),
                result.request().seed(), result.request().warmup(), result.draws(), result.summary(), result.shrinkage(),
                interruption(result), result.fit() instanceof VariationalFit v ? Optional.of(v) : Optional.empty());
    }

    /**
     * For a cancelled run: how far its chains got and which were kept, e.g. "interrupted after 250 of 400
     * draws per chain: chains 1, 2 kept, cut to the draws all of them completed; chain 3 left out".
     */
    private static Optional<String> interruption(FitOutcome result) {
        PosteriorDraws draws = result.draws();
        if (!draws.cancelled()) {
            return Optional.empty();
        }
        List<Integer> kept = draws.chains().stream().map(ChainReport::chain).toList();
        List<Integer> left = new ArrayList<>();
        for (int c = 1; c <= result.request().chains(); c++) {
            if (!kept.contains(c)) {
                left.add(c);
            }
        }
        return Optional.of("the run was interrupted after " + draws.draws().iterations() + " of "
                + result.request().draws() + " draws per chain: chain" + (kept.size() == 1 ? " " : "s ")
                + join(kept) + " kept, each cut to the draws all of them completed"
                + (left.isEmpty() ? "" : "; chain" + (left.size() == 1 ? " " : "s ") + join(left)
                + " left out, with fewer draws"));
    }

    private static String join(List<Integer> chains) {
        return String.join(", ", chains.stream().map(String::valueOf).toList());
    }
}
