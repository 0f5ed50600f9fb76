package org.muster.samplers.internal.gibbs;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.MarkovBlanket;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.Node;
import org.muster.core.api.UnconstrainedBlock;

/**
 * One chain's working state during a Gibbs sweep: the position the updates modify in place, the log
 * density there when known, the chain's random stream and evaluator, and a count of evaluations.
 *
 * <p>Updates evaluate only the terms of the nodes they move ({@link #conditional}, the nodes' Markov
 * blanket), which read every other value from the evaluator's buffer; so the buffer must hold the values
 * at the current position. The sweep keeps it there lazily: it remembers which position each parameter's
 * values in the buffer belong to, and {@link #computeValues()} brings up to date (by the node's own
 * blanket) the nodes whose coordinates have moved since, or whose blanket an update evaluated at trial
 * points. Each update calls it before it reads values or evaluates. Not thread-safe; each chain has its own.
 */
final class Sweep {

    /** A Markov blanket as this sweep evaluates it, with the parameters it marks as needing an update of the buffer. */
    static final class Conditional {

        private final Sweep sweep;
        final MarkovBlanket blanket;
        private final int[] parameterIndices;

        private Conditional(Sweep sweep, MarkovBlanket blanket, int[] parameterIndices) {
            this.sweep = sweep;
            this.blanket = blanket;
            this.parameterIndices = parameterIndices;
        }

        /** Whether this is the given sweep's (an update made for one chain's sweep may meet another in tests). */
        boolean of(Sweep other) {
            return sweep == other;
        }

        boolean memberwise() {
            return blanket.memberwise();
        }
    }

    final ModelEvaluator evaluator;
    final RandomGenerator random;
    /** The unconstrained position; modified in place by the updates. */
    final double[] position;
    private final CompiledModel compiled;
    private final List<Node> parameters;
    private final int[] blockOffsets;
    private final int[] blockSizes;
    /** Each parameter's own blanket, made when first needed, to bring its values in the buffer up to date. */
    private final Conditional[] own;
    /** The position whose values the buffer holds, parameter by parameter (where not {@link #stale}). */
    private final double[] bufferPosition;
    /** Parameters whose blanket was evaluated at a trial point since the buffer last held their values. */
    private final boolean[] stale;
    private boolean anyStale;
    private double logDensity;
    private boolean logDensityCurrent;
    private long evaluations;
    private boolean warmup;

    /** @param initialPoint not modified */
    Sweep(ModelEvaluator evaluator, RandomGenerator random, double[] initialPoint) {
        this.evaluator = evaluator;
        this.random = random;
        this.position = initialPoint.clone();
        this.compiled = evaluator.compiledModel();
        this.parameters = compiled.model().parameters();
        this.blockOffsets = new int[parameters.size()];
        this.blockSizes = new int[parameters.size()];
        for (int p = 0; p < parameters.size(); p++) {
            UnconstrainedBlock block = compiled.unconstrainedBlock(parameters.get(p));
            blockOffsets[p] = block.offset();
            blockSizes[p] = block.size();
        }
        this.own = new Conditional[parameters.size()];
        this.bufferPosition = new double[position.length];
        this.stale = new boolean[parameters.size()];
        logDensity();
    }

    /** The blanket of the given parameter nodes, for this sweep's evaluator (builds it: once per update and chain). */
    Conditional conditional(List<Node> nodes) {
        int[] indices = nodes.stream().mapToInt(parameters::indexOf).toArray();
        return new Conditional(this, compiled.markovBlanket(nodes), indices);
    }

    /** The log density at {@code x} of the whole model, counted, with NaN read as {@code -inf}. */
    private double fullLogDensity(double[] x) {
        evaluations++;
        double lp = evaluator.logDensity(x);
        System.arraycopy(x, 0, bufferPosition, 0, x.length);
        Arrays.fill(stale, false);
        anyStale = false;
        return lp == lp ? lp : Double.NEGATIVE_INFINITY;
    }

    /** The log density of the whole model at the current position, evaluated only when an update has moved it. */
    double logDensity() {
        if (!logDensityCurrent) {
            logDensity = fullLogDensity(position);
            logDensityCurrent = true;
        }
        return logDensity;
    }

    /**
     * The blanket's terms at the current position (the log density up to terms that do not involve its
     * nodes), counted. The buffer then holds the blanket's values at this position, which an update may
     * be about to reject: the nodes are marked for {@link #computeValues()}.
     */
    double blanketLogDensity(Conditional conditional) {
        evaluations++;
        markStale(conditional);
        return evaluator.blanketLogDensity(conditional.blanket, position);
    }

    /** The terms of one member of a memberwise blanket's node at the current position, counted; as {@link #blanketLogDensity}. */
    double memberLogDensity(Conditional conditional, int member) {
        evaluations++;
        markStale(conditional);
        return evaluator.memberLogDensity(conditional.blanket, position, member);
    }

    private void markStale(Conditional conditional) {
        for (int p : conditional.parameterIndices) {
            stale[p] = true;
        }
        anyStale = true;
    }

    /**
     * Brings the evaluator's buffer to the current position: every node's value there, for reading with
     * {@code evaluator.value} and for the blankets' evaluations. Only the parameters that moved or were
     * evaluated at trial points since are recomputed, each through its own blanket.
     */
    void computeValues() {
        for (int p = 0; p < parameters.size(); p++) {
            int offset = blockOffsets[p];
            boolean moved = stale[p] || !Arrays.equals(position, offset, offset + blockSizes[p], bufferPosition, offset,
                    offset + blockSizes[p]);
            if (!moved) {
                continue;
            }
            if (own[p] == null) {
                own[p] = conditional(List.of(parameters.get(p)));
            }
            evaluations++;
            evaluator.blanketLogDensity(own[p].blanket, position);
            System.arraycopy(position, offset, bufferPosition, offset, blockSizes[p]);
        }
        if (anyStale) {
            Arrays.fill(stale, false);
            anyStale = false;
        }
    }

    /** Marks the log density stale after an update that moved the position. */
    void positionChanged() {
        logDensityCurrent = false;
    }

    long evaluations() {
        return evaluations;
    }

    boolean warmup() {
        return warmup;
    }

    void setWarmup(boolean warmup) {
        this.warmup = warmup;
    }
}
