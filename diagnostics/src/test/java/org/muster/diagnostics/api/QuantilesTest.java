package org.muster.diagnostics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void type7InterpolatesAsR() {
        double[] sorted = {1, 2, 3, 4, 10};
        // R: quantile(c(1,2,3,4,10), c(0, .05, .5, .95, 1)) = 1.0 1.2 3.0 8.8 10.0
        assertEquals(1.0, Quantiles.type7(sorted, 0), 1e-15);
        assertEquals(1.2, Quantiles.type7(sorted, 0.05), 1e-12);
        assertEquals(3.0, Quantiles.type7(sorted, 0.5), 1e-15);
        assertEquals(8.8, Quantiles.type7(sorted, 0.95), 1e-12);
        assertEquals(10.0, Quantiles.type7(sorted, 1), 1e-15);
    }

    @Test
    void rejectsNoValuesAndProbabilitiesOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> Quantiles.type7(new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.type7(new double[] {1}, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.type7(new double[] {1}, Double.NaN));
    }
}
