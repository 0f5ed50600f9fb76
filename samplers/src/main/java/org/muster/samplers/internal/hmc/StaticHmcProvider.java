package org.muster.samplers.internal.hmc;

/** Provides {@code hmc}: static Hamiltonian Monte Carlo with a fixed integration time. */
public final class StaticHmcProvider extends HamiltonianProvider {

    @Override
    public String id() {
        return "hmc";
    }

    @Override
    public String description() {
        return "Static HMC: fixed integration time int_time (default 2 pi), Metropolis-corrected end point, Stan's"
                + " warmup; options int_time, adapt_delta, metric, stepsize, adapt_engaged, init_buffer, term_buffer,"
                + " window";
    }

    @Override
    boolean nuts() {
        return false;
    }
}
