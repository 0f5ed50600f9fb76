package org.muster.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.muster.core.api.Distributions.normal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.muster.core.api.ChainReport;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.PosteriorDraws;

class ChainRunnerTest {

    /** A sampler that moves mu by one each iteration, so a draw's value tells its iteration. */
    private static final MarkovChainMethod COUNTER = SteppingSampler.stepping("counter", 1, false);

    private static Model model() {
        ModelBuilder b = Model.builder();
        b.observed("y", normal(b.stochastic("mu", normal(0, 1)), 1), new double[] {0.5});
        return b.build();
    }

    /** Four chains of 10 draws run one after another (no executor), cancelled after some iterations in all. */
    private static PosteriorDraws cancelledAfter(int iterations) {
        AtomicInteger done = new AtomicInteger();
        FitListener listener = new FitListener() {
            @Override
            public void onIteration(int chain, int iteration, int total, boolean warmup) {
                done.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return done.get() >= iterations;
            }
        };
        return ChainRunner.run(COUNTER, model(), RunConfig.builder().chains(4).warmup(0).draws(10).seed(1).build(),
                listener);
    }

    @Test
    void aCancelledRunKeepsTheChainsThatGiveTheMostDrawsInAll() {
        // chains ran 10, 10, 3 and 0 draws: two chains of 10 beat three of 3
        PosteriorDraws two = cancelledAfter(23);
        assertTrue(two.cancelled());
        assertEquals(2, two.draws().chains());
        assertEquals(10, two.draws().iterations());
        assertEquals(List.of(1, 2), two.chains().stream().map(ChainReport::chain).toList());
        // 10, 10, 7, 0: three chains of 7 (21 draws) beat two of 10
        PosteriorDraws three = cancelledAfter(27);
        assertEquals(3, three.draws().chains());
        assertEquals(7, three.draws().iterations());
        assertEquals(List.of(1, 2, 3), three.chains().stream().map(ChainReport::chain).toList());
        assertEquals(7, three.samplerStatistics().iterations());
        // the kept draws are each chain's first ones
        double first = three.draws().value(2, 0, 0);
        assertEquals(first + 6, three.draws().value(2, 0, 6), 1e-12);
    }

    @Test
    void aRunThatIsNotCancelledKeepsEveryChain() {
        PosteriorDraws all = cancelledAfter(Integer.MAX_VALUE);
        assertEquals(4, all.draws().chains());
        assertEquals(10, all.draws().iterations());
        assertEquals(List.of(1, 2, 3, 4), all.chains().stream().map(ChainReport::chain).toList());
    }
}
