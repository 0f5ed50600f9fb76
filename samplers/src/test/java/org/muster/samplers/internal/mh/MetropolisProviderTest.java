package org.muster.samplers.internal.mh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.samplers.internal.chains.InferenceMethodContractTest;

class MetropolisProviderTest extends InferenceMethodContractTest {

    @Override
    protected InferenceMethodProvider provider() {
        return new MetropolisProvider();
    }

    @Override
    protected int drawsPerChain() {
        return 10_000;
    }

    @Test
    void isFoundByServiceLoader() {
        assertTrue(ServiceLoader.load(InferenceMethodProvider.class).stream()
                .anyMatch(p -> p.get().id().equals("mh")));
    }

    @Test
    void rejectsUnknownAndInvalidOptions() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> provider().create(MethodOptions.of(Map.of("stepsize", "0.1"))));
        assertTrue(unknown.getMessage().contains("stepsize"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> provider().create(MethodOptions.of(Map.of("target_accept", "1.5"))));
        assertEquals("mh", provider().id());
    }
}
