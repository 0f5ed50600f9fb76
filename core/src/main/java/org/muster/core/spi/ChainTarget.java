package org.muster.core.spi;

import java.util.Objects;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.ModelEvaluator;

/**
 * What one chain of a {@link MarkovChainMethod} samples: the compiled model, shared by every chain and
 * read-only (its graph, nodes and blocks, for methods such as Gibbs that update node by node), and the
 * chain's own evaluator of the log density, its gradient and the output values (not thread-safe: this
 * chain's alone). A sampler that needs only a log density uses {@link #evaluator()} as its
 * {@link org.muster.core.api.LogDensity}.
 *
 * @param chain the chain's 0-based index
 * @param compiled the model being fitted, compiled
 * @param evaluator this chain's evaluator of {@code compiled}
 */
public record ChainTarget(int chain, CompiledModel compiled, ModelEvaluator evaluator) {

    public ChainTarget {
        Objects.requireNonNull(compiled, "compiled");
        Objects.requireNonNull(evaluator, "evaluator");
    }
}
