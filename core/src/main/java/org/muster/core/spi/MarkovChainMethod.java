package org.muster.core.spi;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.muster.core.api.Model;
import org.muster.core.api.PosteriorDraws;

/**
 * A Markov chain Monte Carlo method described by what one chain needs; the shared {@link ChainRunner}
 * runs the chains, so a method has no loop, timing, listener or cancellation code of its own. The
 * default {@link #fit} gives every built-in and plugin sampler the same behaviour: initial points by
 * Stan's rule (the user's initial values, {@link RunConfig#initialValues(int)}, else uniform(-2, 2) on the
 * unconstrained scale, retried where the density is not finite), chain {@code c} on random stream
 * {@code c} whatever the executor, chains on {@link RunConfig#executor()}, the listener's calls in
 * {@link FitListener}'s order, and a cancelled run's draws cut by the runner's rule for unequal and
 * still-queued chains.
 *
 * <p>A provider returns one from {@link InferenceMethodProvider#create}, configured with its options.
 */
public interface MarkovChainMethod extends InferenceMethod {

    /** The method's identifier, as in {@link PosteriorDraws#methodId()} (the provider's id). */
    String id();

    /**
     * The method's settings for the output's header, as CmdStan names them ({@code algorithm},
     * {@code engine}, {@code delta}, ...), in the order to write them. Called once per fit, before any
     * chain is created; may refuse the model with an {@link IllegalArgumentException} naming why.
     */
    default Map<String, String> settings(Model model, RunConfig config) {
        return Map.of();
    }

    /** Whether the chains evaluate the gradient: initial points must then also have a finite gradient. */
    boolean usesGradient();

    /**
     * Whether the chains update discrete parameters (integers, labels); when not, the runner refuses a
     * model that has any, naming them, before anything runs.
     */
    default boolean updatesDiscreteParameters() {
        return false;
    }

    /**
     * Creates one chain. Called for every chain in order on the calling thread before any chain runs.
     *
     * @param target the compiled model and this chain's own evaluator
     * @param random this chain's random stream, to use for every random choice the chain makes
     * @param initialPoint the chain's start on the unconstrained scale, with a finite log density (and
     *     gradient when {@link #usesGradient()}); the chain may keep it (the runner does not reuse it)
     * @param config the run: warmup and draws per chain, for schedules
     */
    MarkovChain newChain(ChainTarget target, RandomGenerator random, double[] initialPoint, RunConfig config);

    /** Runs the chains with the shared {@link ChainRunner}. */
    @Override
    default PosteriorDraws fit(Model model, RunConfig config, FitListener listener) {
        return ChainRunner.run(this, model, config, listener);
    }
}
