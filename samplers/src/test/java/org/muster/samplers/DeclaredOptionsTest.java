package org.muster.samplers;

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
import org.muster.core.api.Fit;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.VariationalFit;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOption;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.testkit.InferenceMethodContract;

/**
 * Every built-in method of this module declares its options ({@code InferenceMethodProvider.options()}):
 * each with a line of help, no option declared twice, undeclared options refused, and the declared
 * defaults being the defaults: a fit given every default explicitly is the fit given none.
 */
class DeclaredOptionsTest {

    static Stream<InferenceMethodProvider> providers() {
        return ServiceLoader.load(InferenceMethodProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.getClass().getName().startsWith("org.muster.samplers."));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void declaresEveryOptionWithHelpAndDefaultsThatAreTheDefaults(InferenceMethodProvider provider) {
        List<MethodOption> options = provider.options();
        assertFalse(options.isEmpty(), provider.id());
        assertEquals(options.size(), options.stream().map(MethodOption::name).distinct().count(), provider.id());
        Map<String, String> defaults = new LinkedHashMap<>();
        for (MethodOption option : options) {
            assertFalse(option.help().isBlank(), option.name());
            option.defaultValue().ifPresent(value -> {
                option.check(provider.id(), value);
                defaults.put(option.name(), value);
            });
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> provider.create(MethodOptions.of(Map.of("no_such_option", "1"))));
        assertTrue(unknown.getMessage().contains("no_such_option"), unknown.getMessage());

        RunConfig config = RunConfig.builder().chains(2).warmup(60).draws(40).seed(9).build();
        Fit implicit = provider.create(MethodOptions.empty()).fit(InferenceMethodContract.conjugateModelForTests(),
                config, FitListener.NONE);
        Fit explicit = provider.create(MethodOptions.of(defaults)).fit(InferenceMethodContract.conjugateModelForTests(),
                config, FitListener.NONE);
        assertEquals(DrawsFingerprintTest.fingerprint(draws(implicit)), DrawsFingerprintTest.fingerprint(draws(explicit)),
                provider.id() + " with " + defaults);
    }

    private static PosteriorDraws draws(Fit fit) {
        if (fit instanceof VariationalFit variational) {
            return variational.draws();
        }
        return (PosteriorDraws) fit;
    }
}
