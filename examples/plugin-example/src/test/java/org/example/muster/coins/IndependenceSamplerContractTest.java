package org.example.muster.coins;

import org.muster.core.spi.InferenceMethodProvider;
import org.muster.testkit.InferenceMethodContract;

/** Muster's contract for inference methods, run on this plugin's sampler. */
class IndependenceSamplerContractTest extends InferenceMethodContract {

    @Override
    protected InferenceMethodProvider provider() {
        return new IndependenceSamplerProvider();
    }
}
