package org.muster.em;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.testkit.MethodOptionAssertions;

/**
 * Every point-estimate method of this module declares its options, consistently with what it accepts
 * ({@link MethodOptionAssertions}).
 */
class DeclaredOptionsTest {

    static Stream<InferenceMethodProvider> providers() {
        return ServiceLoader.load(InferenceMethodProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.getClass().getName().startsWith("org.muster.em."));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void declaresEveryOptionWithHelpAndAcceptsItsDefaults(InferenceMethodProvider provider) {
        assertFalse(provider.options().isEmpty(), provider.id());
        MethodOptionAssertions.assertDeclaredOptionsAreConsistent(provider);
    }

    @org.junit.jupiter.api.Test
    void theFourMethodsAreChecked() {
        assertEquals(List.of("eb", "em", "map", "map2"), providers().map(InferenceMethodProvider::id).sorted().toList());
    }
}
