package org.muster.app.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

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
 * @param familyOptions {@code --param} values for the family
 * @param methodOptions {@code --method-param} values for the method
 * @param initialValues constrained initial values by parameter name ({@code --init}); empty for random inits
 */
public record FitRequest(String family, Optional<String> data, String method, int chains, int warmup, int draws,
        long seed, Optional<Path> output, Map<String, String> familyOptions, Map<String, String> methodOptions,
        Map<String, double[]> initialValues) {

    public FitRequest {
        familyOptions = Map.copyOf(familyOptions);
        methodOptions = Map.copyOf(methodOptions);
        initialValues = Map.copyOf(initialValues);
    }
}
