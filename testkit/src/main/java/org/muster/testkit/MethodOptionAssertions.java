package org.muster.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOption;
import org.muster.core.spi.MethodOptions;

/** Checks of what an inference method declares in {@link InferenceMethodProvider#options()}. */
public final class MethodOptionAssertions {

    private MethodOptionAssertions() {
    }

    /**
     * Asserts that the provider's declared options are consistent: each has a line of help, no name is
     * declared twice, each default lies within its own range, {@code create} accepts all the defaults
     * given at once, and {@code create} refuses an option the method does not take, naming it.
     *
     * @return the declared defaults by option name, in declaration order (options without one left out)
     */
    public static Map<String, String> assertDeclaredOptionsAreConsistent(InferenceMethodProvider provider) {
        List<MethodOption> options = provider.options();
        assertEquals(options.size(), options.stream().map(MethodOption::name).distinct().count(),
                provider.id() + ": an option declared twice in " + options);
        Map<String, String> defaults = new LinkedHashMap<>();
        for (MethodOption option : options) {
            assertFalse(option.help().isBlank(), provider.id() + ": option " + option.name() + " has no help");
            option.defaultValue().ifPresent(value -> {
                option.check(provider.id(), value);
                defaults.put(option.name(), value);
            });
        }
        MethodOptions.of(defaults).check(provider.id(), options);
        provider.create(MethodOptions.of(defaults));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> provider.create(MethodOptions.of(Map.of("no_such_option", "1"))),
                provider.id() + " accepted an option it does not take");
        assertTrue(unknown.getMessage().contains("no_such_option"), unknown.getMessage());
        return defaults;
    }
}
