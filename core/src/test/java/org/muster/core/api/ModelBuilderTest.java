package org.muster.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.normal;
import static org.muster.core.api.Distributions.poisson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ModelBuilderTest {

    private static String error(Executable action) {
        return assertThrows(IllegalArgumentException.class, action).getMessage();
    }

    @Test
    void lengthMismatchNamesBothNodesAndLengths() {
        ModelBuilder b = Model.builder();
        Node theta = b.stochastic("theta", 8, normal(0, 1));
        Node sigma = b.data("sigma", new double[9]);
        String message = error(() -> theta.plus(sigma));
        assertTrue(message.contains("theta") && message.contains("sigma") && message.contains("8 vs 9"), message);
        String observed = error(() -> b.observed("y", normal(theta, 1), new double[9]));
        assertTrue(observed.contains("'y'") && observed.contains("theta") && observed.contains("9 vs 8"), observed);
    }

    @Test
    void observingADeterministicNodeIsAnError() {
        ModelBuilder b = Model.builder();
        Node mu = b.stochastic("mu", normal(0, 1));
        b.deterministic("theta", mu.times(2));
        String message = error(() -> b.observed("theta", normal(0, 1), 1.0));
        assertTrue(message.contains("theta") && message.contains("deterministic"), message);
    }

    @Test
    void duplicateNamesAreRejected() {
        ModelBuilder b = Model.builder();
        b.stochastic("mu", normal(0, 1));
        String message = error(() -> b.data("mu", 3.0));
        assertTrue(message.contains("duplicate") && message.contains("mu"), message);
    }

    @Test
    void indexOutOfRangeNamesTheEntry() {
        ModelBuilder b = Model.builder();
        Node alpha = b.stochastic("alpha", 3, normal(0, 1));
        String message = error(() -> alpha.at(new int[] {0, 2, 3}));
        assertTrue(message.contains("alpha") && message.contains("entry 3") && message.contains("length 3"), message);
    }

    @Test
    void nodesOfAnotherBuilderAreRejected() {
        Node other = Model.builder().stochastic("mu", normal(0, 1));
        ModelBuilder b = Model.builder();
        String message = error(() -> b.stochastic("x", normal(other, 1)));
        assertTrue(message.contains("another model builder"), message);
    }

    @Test
    void observedValuesOutsideTheSupportAreRejected() {
        ModelBuilder b = Model.builder();
        String message = error(() -> b.observed("k", poisson(2), new double[] {1, 2.5}));
        assertTrue(message.contains("k[2]") && message.contains("integer"), message);
    }

    @Test
    void nonFiniteDataIsRejected() {
        String message = error(() -> Model.builder().data("x", new double[] {1, Double.NaN}));
        assertTrue(message.contains("x[2]"), message);
    }

    @Test
    void vectorArgumentsGiveTheNodeTheirShape() {
        ModelBuilder b = Model.builder();
        Node mu = b.data("mu", new double[] {1, 2, 3});
        Node x = b.stochastic("x", normal(mu, 1));
        assertEquals(Shape.vector(3), x.shape());
        assertEquals(Shape.vector(3), mu.plus(1.0).shape());
    }

    @Test
    void theBuilderIsSpentAfterBuild() {
        ModelBuilder b = Model.builder();
        b.stochastic("mu", normal(0, 1));
        b.build();
        assertThrows(IllegalStateException.class, () -> b.stochastic("nu", normal(0, 1)));
    }

    @Test
    void aDeterministicNodeCanLabelItsMembersInTheOutput() {
        ModelBuilder b = Model.builder();
        Node z = b.stochastic("z", 2, normal(0, 1));
        b.deterministic("r", z.times(3), java.util.List.of("r_g[a,Intercept]", "r_g[b,Intercept]"));
        CompiledModel compiled = b.build().compile();
        assertEquals(java.util.List.of("z[1]", "z[2]", "r_g[a,Intercept]", "r_g[b,Intercept]"), compiled.outputNames());
        ModelBuilder other = Model.builder();
        Node w = other.stochastic("w", 2, normal(0, 1));
        String count = error(() -> other.deterministic("r", w.times(3), java.util.List.of("only one")));
        assertTrue(count.contains("1 member names for 2 members"), count);
        String repeated = error(() -> other.deterministic("s", w.times(3), java.util.List.of("x", "x")));
        assertTrue(repeated.contains("distinct"), repeated);
    }

    @Test
    void aNameMayCarryAnInteractionColonButNotStartWithOneOrHoldOtherSymbols() {
        ModelBuilder b = Model.builder();
        b.stochastic("b_floor:log_uppm", normal(0, 1));
        b.stochastic("sd_county__Intercept:x.1", normal(0, 1));
        assertEquals(java.util.List.of("b_floor:log_uppm", "sd_county__Intercept:x.1"), b.build().compile().outputNames());
        ModelBuilder other = Model.builder();
        for (String bad : java.util.List.of(":b", "b[1]", "a b", "a,b", "1b")) {
            String message = error(() -> other.stochastic(bad, normal(0, 1)));
            assertTrue(message.contains("invalid node name '" + bad + "'") && message.contains("':'"), message);
        }
    }

    @Test
    void aStochasticPlateCanNameItsMembers() {
        ModelBuilder b = Model.builder();
        Node theta = b.stochastic("theta", Shape.vector(2), Distributions.normal(0, 1), java.util.List.of("Y[1,2]", "Y[2,2]"));
        assertEquals("Y[2,2]", theta.memberName(1));
        assertEquals(java.util.List.of("Y[1,2]", "Y[2,2]"), b.build().compile().outputNames());
        ModelBuilder c = Model.builder();
        assertThrows(IllegalArgumentException.class,
                () -> c.stochastic("t", Shape.vector(2), Distributions.normal(0, 1), java.util.List.of("a", "a")));
    }
}
