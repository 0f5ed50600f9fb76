package org.muster.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a sampling run will produce, told to its {@link FitListener} before the first iteration, so a
 * listener can lay out output (column names, configuration) before any draw arrives.
 *
 * @param methodId the sampler's identifier, as in the finished fit
 * @param settings the method's settings as CmdStan names them, as in the finished fit
 * @param variables the model's output variables: the order of {@code values} in
 *     {@link FitListener#onDraw(int, int, boolean, double[], double[])}
 * @param statistics the sampler statistics, {@code lp__} first: the order of {@code samplerStatistics} there
 * @param chains number of chains
 * @param warmup warmup iterations per chain
 * @param draws kept draws per chain, if the run is not cancelled
 */
public record SamplingStart(String methodId, Map<String, String> settings, List<String> variables,
        List<String> statistics, int chains, int warmup, int draws) {

    public SamplingStart {
        Objects.requireNonNull(methodId, "methodId");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        variables = List.copyOf(variables);
        statistics = List.copyOf(statistics);
    }
}
