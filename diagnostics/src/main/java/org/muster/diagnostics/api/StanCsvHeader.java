package org.muster.diagnostics.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What a Stan CSV file says about the run beyond the draws: written into the {@code #} comment header
 * by {@link StanCsvWriter}, as CmdStan writes its configuration.
 *
 * @param model the model's name ({@code model = ...})
 * @param data where the data came from ({@code data file = ...}), if anywhere
 * @param seed the run's random seed
 * @param warmup warmup iterations per chain ({@code num_warmup})
 */
public record StanCsvHeader(String model, Optional<String> data, long seed, int warmup) {

    public StanCsvHeader {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
    }
}
