package org.muster.samplers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.testkit.InferenceMethodContract;
import org.muster.testkit.MethodOptionAssertions;

/**
 * Every built-in method of this module declares its options ({@code InferenceMethodProvider.options()})
 * consistently ({@link MethodOptionAssertions}), and the declared defaults are the defaults: a fit given
 * every default explicitly is bit for bit the fit given none.
 */
class DeclaredOptionsTest {

    static Stream<InferenceMethodProvider> providers() {
        return ServiceLoader.load(InferenceMethodProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.getClass().getName().startsWith("org.muster.samplers."));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void declaresEveryOptionWithHelpAndDefaultsThatAreTheDefaults(InferenceMethodProvider provider) {
        assertFalse(provider.options().isEmpty(), provider.id());
        Map<String, String> defaults = MethodOptionAssertions.assertDeclaredOptionsAreConsistent(provider);
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
