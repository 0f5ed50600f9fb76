package org.muster.core.api.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TransformsTest {

    @Test
    void namesSpellOutTheBounds() {
        assertEquals("identity", Transforms.identity().name());
        assertEquals("lower(0)", Transforms.lower(0).name());
        assertEquals("upper(1.5)", Transforms.upper(1.5).name());
        assertEquals("interval(0, 1)", Transforms.interval(0, 1).name());
        assertEquals("simplex", Transforms.simplex().name());
        assertEquals("cholesky_corr", Transforms.choleskyCorrelation().name());
    }

    @Test
    void infiniteBoundsFallBackToSimplerTransforms() {
        double inf = Double.POSITIVE_INFINITY;
        assertSame(Transforms.identity(), Transforms.interval(-inf, inf));
        assertSame(Transforms.identity(), Transforms.lower(-inf));
        assertSame(Transforms.identity(), Transforms.upper(inf));
        assertEquals(Transforms.lower(2), Transforms.interval(2, inf));
        assertEquals(Transforms.upper(2), Transforms.interval(-inf, 2));
    }

    @Test
    void invalidBoundsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Transforms.interval(1, 1));
        assertThrows(IllegalArgumentException.class, () -> Transforms.interval(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Transforms.lower(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Transforms.upper(Double.NaN));
    }

    @Test
    void freeSizes() {
        assertEquals(4, Transforms.simplex().freeSize(5));
        assertEquals(6, Transforms.choleskyCorrelation().freeSize(16));
        assertEquals(0, Transforms.choleskyCorrelation().freeSize(1));
        assertThrows(IllegalArgumentException.class, () -> Transforms.choleskyCorrelation().freeSize(8));
        assertThrows(IllegalArgumentException.class, () -> Transforms.simplex().freeSize(0));
    }

    @Test
    void logitAtZeroIsTheMidpointWithKnownJacobian() {
        double[] y = new double[1];
        double logJacobian = Transforms.interval(0, 1).constrain(new double[] {0}, 0, y, 0, 1);
        assertEquals(0.5, y[0], 0.0);
        assertEquals(Math.log(0.25), logJacobian, 1e-15);
    }

    @Test
    void zeroGivesTheUniformSimplex() {
        double[] y = new double[4];
        Transforms.simplex().constrain(new double[3], 0, y, 0, 4);
        for (double v : y) {
            assertEquals(0.25, v, 1e-15);
        }
    }
}
