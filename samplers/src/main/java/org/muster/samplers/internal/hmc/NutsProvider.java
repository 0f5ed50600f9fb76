package org.muster.samplers.internal.hmc;

/** Provides {@code nuts}: the No-U-Turn sampler with Stan's warmup. */
public final class NutsProvider extends HamiltonianProvider {

    @Override
    public String id() {
        return "nuts";
    }

    @Override
    public String description() {
        return "No-U-Turn sampler (multinomial, generalized U-turn criterion) with Stan's windowed warmup of step size"
                + " and metric; options adapt_delta, max_depth, metric, stepsize, adapt_engaged, init_buffer,"
                + " term_buffer, window";
    }

    @Override
    boolean nuts() {
        return true;
    }
}
