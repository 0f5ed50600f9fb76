package org.muster.app.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.muster.models.spi.FamilyOptions;

/**
 * What the user asked to fit.
 *
 * @param family model family id
 * @param data built-in dataset name or file path; empty for the family's default
 * @param method inference method id
 * @param chains chains
 * @param warmup warmup iterations per chain
 * @param draws kept draws per chain
 * @param seed random seed
 * @param output directory for output files, if any
 * @param familyOptions the family's {@code --param} values, column mapping, priors and pooling
 * @param methodOptions {@code --method-param} values for the method
 * @param initialValues constrained initial values by parameter name ({@code --init}); empty for random inits
 * @param predict whether to add predictive draws ({@code y_rep}, a new unit) to the draws
 */
public record FitRequest(String family, Optional<String> data, String method, int chains, int warmup, int draws,
        long seed, Optional<Path> output, FamilyOptions familyOptions, Map<String, String> methodOptions,
        Map<String, double[]> initialValues, boolean predict) {

    public FitRequest {
        Objects.requireNonNull(familyOptions, "familyOptions");
        methodOptions = Map.copyOf(methodOptions);
        initialValues = Map.copyOf(initialValues);
    }
}
