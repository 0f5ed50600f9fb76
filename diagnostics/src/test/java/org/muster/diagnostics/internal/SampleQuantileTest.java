package org.muster.diagnostics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SampleQuantileTest {

    @Test
    void type7AsR() {
        double[] sorted = {1, 2, 3, 4, 10};
        // R: quantile(c(1,2,3,4,10), c(0, .05, .5, .95, 1)) = 1.0 1.2 3.0 8.8 10.0
        assertEquals(1.0, SampleQuantile.type7(sorted, 0));
        assertEquals(1.2, SampleQuantile.type7(sorted, 0.05), 1e-15);
        assertEquals(3.0, SampleQuantile.type7(sorted, 0.5));
        assertEquals(8.8, SampleQuantile.type7(sorted, 0.95), 1e-14);
        assertEquals(10.0, SampleQuantile.type7(sorted, 1));
        // ties are returned exactly, not interpolated between equal values
        assertEquals(0.1, SampleQuantile.type7(new double[] {0.1, 0.1, 0.1}, 0.37));
    }

    @Test
    void medianAsR() {
        assertEquals(2.5, ChainArrays.median(new double[] {1, 2, 3, 4}));
        assertEquals(3.0, ChainArrays.median(new double[] {1, 2, 3, 4, 100}));
        assertEquals(Double.MAX_VALUE, ChainArrays.median(new double[] {Double.MAX_VALUE, Double.MAX_VALUE}));
    }
}
