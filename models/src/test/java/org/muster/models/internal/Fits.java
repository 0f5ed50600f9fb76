package org.muster.models.internal;

import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;

/** Fits models with NUTS, found as the app finds it, for the tests of the families. */
final class Fits {

    private Fits() {
    }

    static InferenceMethodProvider nuts() {
        return method("nuts");
    }

    /** The inference method with this id, found as the app finds it. */
    static InferenceMethodProvider method(String id) {
        return ServiceLoader.load(InferenceMethodProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** Posterior draws of NUTS with the given warmup and draws per chain, 4 chains on 2 threads. */
    static Draws nuts(Model model, int warmup, int draws, long seed) {
        return fit("nuts", model, warmup, draws, seed);
    }

    /** Posterior draws of the method with this id, 4 chains on 2 threads. */
    static Draws fit(String methodId, Model model, int warmup, int draws, long seed) {
        return fit(methodId, MethodOptions.empty(), model, warmup, draws, seed);
    }

    /** Posterior draws of the method with this id and options, 4 chains on 2 threads. */
    static Draws fit(String methodId, MethodOptions options, Model model, int warmup, int draws, long seed) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            PosteriorDraws fit = (PosteriorDraws) method(methodId).create(options).fit(model,
                    RunConfig.builder().chains(4).warmup(warmup).draws(draws).seed(seed).executor(pool).build(),
                    FitListener.NONE);
            return fit.draws();
        } finally {
            pool.shutdownNow();
        }
    }

    static double mean(Draws draws, String variable) {
        int v = draws.indexOf(variable);
        if (v < 0) {
            throw new IllegalArgumentException("no variable " + variable + " in " + draws.variables());
        }
        double[] values = draws.pooled(v);
        double sum = 0;
        for (double x : values) {
            sum += x;
        }
        return sum / values.length;
    }
}
