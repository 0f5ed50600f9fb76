package org.muster.app.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.VariationalFit;
import org.muster.core.spi.FitListener;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.FamilyOptions;
import org.muster.models.spi.ModelFamily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hierarchical fit per segment of a table, each segment its own dataset, as {@code muster batch} and
 * the Spark module's {@code fitEach} run them (the same code). Each segment's seed comes from the run's
 * seed and the segment's key ({@link Seeds#forKey}), so a segment gets the same fit in whatever order,
 * thread or partition it runs. A segment whose data are bad, or whose fit fails, gives an error instead of
 * a fit; the others are not affected. Thread-safe: fit segments from as many threads as there are cores.
 *
 * <pre>{@code
 * SegmentFits fits = SegmentFits.of(FitSpec.builder("beta-binomial").chains(2).seed(7).build());
 * for (Segment segment : Segment.split(table, "campaign")) {
 *     fits.fit(segment).summaryRows().forEach(...);
 * }
 * }</pre>
 */
public final class SegmentFits {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentFits.class);

    private final FitSpec spec;
    private final ModelFamily family;
    private final FamilyOptions options;

    private SegmentFits(FitSpec spec, ModelFamily family, FamilyOptions options) {
        this.spec = spec;
        this.family = family;
        this.options = options;
    }

    /**
     * Fits by this spec.
     *
     * @throws IllegalArgumentException for an unknown family or method, or malformed family options, before
     *     any segment is fitted
     */
    public static SegmentFits of(FitSpec spec) {
        Objects.requireNonNull(spec, "spec");
        ModelFamily family = Muster.family(spec.family());
        Muster.method(spec.method());
        return new SegmentFits(spec, family, spec.toFamilyOptions());
    }

    /** The spec the segments are fitted by. */
    public FitSpec spec() {
        return spec;
    }

    /** Fits one segment; never throws for the segment's data or fit (see {@link SegmentResult#error()}). */
    public SegmentResult fit(Segment segment) {
        return fit(segment, FitListener.NONE);
    }

    /**
     * Fits one segment with a listener (progress, cancellation: a cancelled fit has
     * {@link SegmentResult#cancelled()}).
     */
    public SegmentResult fit(Segment segment, FitListener listener) {
        return fit(segment, listener, Optional.empty());
    }

    /**
     * Fits one segment, writing its fit's files into a folder of its own (summary, Stan CSV draws, report,
     * run record: what {@code muster fit --output} writes) when {@code folder} is given.
     */
    public SegmentResult fit(Segment segment, FitListener listener, Optional<Path> folder) {
        String label = "segment '" + segment.key() + "'";
        long seed = Seeds.forKey(spec.seed(), segment.key());
        try {
            FamilyModel model = family.prepare(segment.data(), options);
            FitOutcome outcome = Fits.run(model, spec, seed, listener, folder);
            if (!(outcome.fit() instanceof PosteriorDraws || outcome.fit() instanceof VariationalFit)) {
                return failed(segment.key(), seed, label + ": method " + spec.method()
                        + " gives a point estimate; batch fits summarize posterior draws (use nuts, gibbs, hmc, mh or advi)");
            }
            boolean cut = outcome.fit() instanceof PosteriorDraws draws && draws.cancelled();
            return new SegmentResult(segment.key(), seed, Optional.of(outcome), Optional.empty(), cut);
        } catch (RuntimeException e) {
            if (listener.isCancelled()) {
                // a fit stopped before it had draws to return
                return new SegmentResult(segment.key(), seed, Optional.empty(), Optional.empty(), true);
            }
            if (e instanceof IllegalArgumentException) {
                LOG.debug("{} not fitted: {}", label, e.getMessage());
            } else {
                // one segment's failure must not sink the others; the stack trace goes to the log
                LOG.warn("{} failed", label, e);
            }
            return failed(segment.key(), seed, Fits.message(label, e));
        }
    }

    private static SegmentResult failed(String key, long seed, String message) {
        return new SegmentResult(key, seed, Optional.empty(), Optional.of(message), false);
    }
}
