package org.muster.models.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FamilyOptionsTest {

    @Test
    void typedOptionsNameTheOptionAndTheFamily() {
        FamilyOptions options = new FamilyOptions(Map.of("components", "3", "scale", "-1", "kind", "odd"));
        assertEquals(3, options.integer("m", "components", 2, 2));
        assertEquals(7, options.integer("m", "other", 7, 2));
        String small = assertThrows(IllegalArgumentException.class, () -> options.integer("m", "components", 2, 4))
                .getMessage();
        assertTrue(small.contains("components=3 for model m: must be at least 4"), small);
        String positive = assertThrows(IllegalArgumentException.class, () -> options.positive("m", "scale", 1))
                .getMessage();
        assertTrue(positive.contains("expected a positive number"), positive);
        String choice = assertThrows(IllegalArgumentException.class,
                () -> options.choice("m", "kind", "even", List.of("even", "none"))).getMessage();
        assertTrue(choice.contains("kind=odd") && choice.contains("[even, none]"), choice);
    }

    @Test
    void priorsArePerParameterAndCheckedAgainstTheFamily() {
        FamilyOptions options = FamilyOptions.builder().prior("tau=half_cauchy(0,5)").pooling(Pooling.NONE).build();
        assertTrue(options.prior("tau").isPresent());
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> options.requireKnownPriors("m", List.of("theta"))).getMessage();
        assertTrue(unknown.contains("model m with --pooling none has no parameter 'tau'")
                && unknown.contains("theta"), unknown);
        String twice = assertThrows(IllegalArgumentException.class,
                () -> FamilyOptions.builder().prior("mu=normal(0,1)").prior("mu=normal(0,2)").build()).getMessage();
        assertTrue(twice.contains("two priors for 'mu'"), twice);
        String pooling = assertThrows(IllegalArgumentException.class,
                () -> options.requirePooling("m", Set.of(Pooling.PARTIAL, Pooling.COMPLETE))).getMessage();
        assertTrue(pooling.contains("does not offer --pooling none") && pooling.contains("[partial, complete]"), pooling);
        assertEquals(Pooling.COMPLETE, Pooling.parse("Complete"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Pooling.parse("some")).getMessage()
                .contains("[partial, none, complete]"));
    }
}
