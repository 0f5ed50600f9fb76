package org.muster.app.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.muster.core.api.ChainReport;
import org.muster.core.api.VariationalFit;
import org.muster.diagnostics.api.DiagnosticWarning;
import org.muster.diagnostics.api.PosteriorSummary;
import org.muster.diagnostics.api.SamplerChecks;
import org.muster.diagnostics.api.SummaryRow;
import org.muster.diagnostics.api.WholeFile;

/**
 * Writes {@code summary.json}: the columns of {@code summary.csv} per variable, the sampler checks, the
 * per-chain timings and the warnings. Undefined numbers (NaN) and statistics the sampler does not report
 * are {@code null}.
 */
public final class SummaryJsonWriter {

    private final JsonFactory factory = new JsonFactory();

    /**
     * @param method the inference method's id
     * @param chains one report per chain, for the timings
     */
    public Path write(Path directory, String method, PosteriorSummary summary, List<ChainReport> chains)
            throws IOException {
        return write(directory, method, summary, chains, Optional.empty());
    }

    /**
     * As {@link #write(Path, String, PosteriorSummary, List)}, with, for draws from a variational
     * approximation, how the optimization ended and the Pareto k-hat's verdict on the approximation.
     */
    public Path write(Path directory, String method, PosteriorSummary summary, List<ChainReport> chains,
            Optional<VariationalFit> variational) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("summary.json");
        WholeFile.write(file, out -> {
            try (JsonGenerator json = factory.createGenerator(out)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeStringField("method", method);
                json.writeNumberField("chains", summary.chains());
                json.writeNumberField("draws_per_chain", summary.drawsPerChain());
                json.writeArrayFieldStart("variables");
                for (SummaryRow row : summary.rows()) {
                    json.writeStartObject();
                    json.writeStringField("variable", row.variable());
                    number(json, "mean", row.mean());
                    number(json, "sd", row.sd());
                    number(json, "q5", row.q5());
                    number(json, "q50", row.q50());
                    number(json, "q95", row.q95());
                    number(json, "mcse_mean", row.mcseMean());
                    number(json, "mcse_sd", row.mcseSd());
                    number(json, "rhat", row.rhat());
                    number(json, "ess_bulk", row.essBulk());
                    number(json, "ess_tail", row.essTail());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeFieldName("sampler");
                if (summary.sampler().isPresent()) {
                    sampler(json, summary.sampler().get());
                } else {
                    json.writeNull();
                }
                json.writeArrayFieldStart("timing");
                for (ChainReport chain : chains) {
                    json.writeStartObject();
                    json.writeNumberField("chain", chain.chain());
                    number(json, "warmup_seconds", chain.warmupSeconds());
                    number(json, "sampling_seconds", chain.samplingSeconds());
                    number(json, "total_seconds", chain.warmupSeconds() + chain.samplingSeconds());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeArrayFieldStart("warnings");
                for (DiagnosticWarning warning : summary.warnings()) {
                    json.writeStartObject();
                    json.writeStringField("kind", warning.kind().name().toLowerCase(Locale.ROOT));
                    json.writeStringField("message", warning.message());
                    json.writeStringField("advice", warning.advice());
                    json.writeArrayFieldStart("variables");
                    for (String variable : warning.variables()) {
                        json.writeString(variable);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                if (variational.isPresent()) {
                    variational(json, variational.get());
                }
                json.writeEndObject();
            }
        });
        return file;
    }

    /** The approximation's checks: whether to trust it (Yao et al. 2018), how the optimization stopped. */
    private static void variational(JsonGenerator json, VariationalFit fit) throws IOException {
        json.writeObjectFieldStart("variational");
        json.writeBooleanField("full_rank", fit.fullRank());
        number(json, "pareto_k", fit.paretoK());
        json.writeStringField("pareto_k_reading", fit.paretoKReading());
        json.writeStringField("advice", VariationalFit.paretoKAdvice(fit.paretoKReading()));
        json.writeBooleanField("converged", fit.converged());
        json.writeStringField("stop_reason", fit.stopReason());
        json.writeNumberField("iterations", fit.iterations());
        number(json, "step_size", fit.stepSize());
        json.writeObjectFieldStart("psis_means");
        for (var mean : fit.psisMeans().entrySet()) {
            number(json, mean.getKey(), mean.getValue());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("warnings");
        for (String warning : fit.warnings()) {
            json.writeString(warning);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void sampler(JsonGenerator json, SamplerChecks checks) throws IOException {
        json.writeStartObject();
        json.writeNumberField("draws", checks.draws());
        count(json, "divergences", checks.hasDivergences(), checks.divergences());
        number(json, "divergent_share", checks.hasDivergences() ? checks.divergentShare() : Double.NaN);
        count(json, "max_tree_depth", checks.hasTreeDepth(), checks.maxTreeDepth());
        count(json, "tree_depth_saturated", checks.hasTreeDepth(), checks.treeDepthSaturated());
        number(json, "mean_accept_stat", checks.meanAcceptStat());
        json.writeArrayFieldStart("chains");
        for (SamplerChecks.ChainChecks chain : checks.chains()) {
            json.writeStartObject();
            json.writeNumberField("chain", chain.chain());
            json.writeNumberField("draws", chain.draws());
            count(json, "divergences", checks.hasDivergences(), chain.divergences());
            count(json, "tree_depth_saturated", checks.hasTreeDepth(), chain.treeDepthSaturated());
            number(json, "ebfmi", chain.ebfmi());
            number(json, "mean_accept_stat", chain.meanAcceptStat());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void number(JsonGenerator json, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(name, value);
        } else {
            json.writeNullField(name);
        }
    }

    private static void count(JsonGenerator json, String name, boolean present, int value) throws IOException {
        if (present) {
            json.writeNumberField(name, value);
        } else {
            json.writeNullField(name);
        }
    }
}
