package org.muster.app.api;

import java.nio.file.Path;
import java.util.Optional;
import org.muster.core.spi.FitListener;
import org.muster.models.spi.FamilyModel;

/** One fit of many: a family model fitted as a spec says, with the fit's own seed, its chains on one thread. */
final class Fits {

    private Fits() {
    }

    /**
     * Runs the fit; the chains run one after another on one thread, since the many fits around it take the
     * cores.
     *
     * @throws IllegalArgumentException for a bad method option or a model the method cannot fit
     */
    static FitOutcome run(FamilyModel model, FitSpec spec, long seed, FitListener listener) {
        return run(model, spec, seed, listener, Optional.empty());
    }

    /**
     * As {@link #run(FamilyModel, FitSpec, long, FitListener)}, writing every output file of the fit into
     * {@code output} when given, as {@code muster fit --output} does.
     *
     * @throws IllegalArgumentException also for an output folder that cannot be used
     */
    static FitOutcome run(FamilyModel model, FitSpec spec, long seed, FitListener listener, Optional<Path> output) {
        FitRequestBuilder request = Muster.fit(model).with(spec.method()).chains(spec.chains()).warmup(spec.warmup())
                .draws(spec.draws()).seed(seed).threads(1).listener(listener);
        output.ifPresent(request::output);
        spec.methodOptions().forEach(request::option);
        return request.run();
    }

    /** The message of an error, naming the fit ({@code segment 'A'}) unless it does already. */
    static String message(String label, Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (!(error instanceof IllegalArgumentException)) {
            message = "internal error: " + error.getClass().getSimpleName() + ": " + message;
        }
        return message.contains(label) ? message : label + ": " + message;
    }
}
