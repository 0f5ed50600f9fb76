package org.muster.em;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOption;
import org.muster.core.spi.MethodOptions;

/**
 * Every point-estimate method of this module declares its options: each with a line of help, none
 * twice, undeclared options refused by name, and every declared default accepted by {@code create}.
 */
class DeclaredOptionsTest {

    static Stream<InferenceMethodProvider> providers() {
        return ServiceLoader.load(InferenceMethodProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.getClass().getName().startsWith("org.muster.em."));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void declaresEveryOptionWithHelpAndAcceptsItsDefaults(InferenceMethodProvider provider) {
        List<MethodOption> options = provider.options();
        assertFalse(options.isEmpty(), provider.id());
        assertEquals(options.size(), options.stream().map(MethodOption::name).distinct().count(), provider.id());
        Map<String, String> defaults = new LinkedHashMap<>();
        for (MethodOption option : options) {
            assertFalse(option.help().isBlank(), option.name());
            option.defaultValue().ifPresent(value -> defaults.put(option.name(), value));
        }
        MethodOptions.of(defaults).check(provider.id(), options);
        provider.create(MethodOptions.of(defaults));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> provider.create(MethodOptions.of(Map.of("no_such_option", "1"))));
        assertTrue(unknown.getMessage().contains("no_such_option"), unknown.getMessage());
    }

    @org.junit.jupiter.api.Test
    void theFourMethodsAreChecked() {
        assertEquals(List.of("eb", "em", "map", "map2"), providers().map(InferenceMethodProvider::id).sorted().toList());
    }
}
