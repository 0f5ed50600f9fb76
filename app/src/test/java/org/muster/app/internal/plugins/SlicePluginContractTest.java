package org.muster.app.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.testkit.InferenceMethodContract;

/**
 * The sampler contract from the published testkit, run on the slice sampler plugin as loaded from its
 * jar: a sampler on the chain SPI, with no loop, timing, listener or cancellation code of its own,
 * passes the whole suite (closed-form posteriors, seeds, the executor, cancel with queued chains, the
 * listener's calls).
 */
class SlicePluginContractTest extends InferenceMethodContract {

    private static final InferenceMethodProvider PROVIDER = SlicePlugin.provider();

    @Override
    protected InferenceMethodProvider provider() {
        return PROVIDER;
    }

    @Test
    void theProviderComesFromThePluginJar() {
        assertEquals("slice", PROVIDER.id());
        assertNotSame(SlicePluginContractTest.class.getClassLoader(), PROVIDER.getClass().getClassLoader());
    }
}
