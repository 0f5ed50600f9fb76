package org.muster.app.internal.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.muster.app.api.FitRequest;

/**
 * {@code run.json} in the output folder: how the run was made and how it ended, so it can be repeated
 * and audited. Written when the run starts ({@code "exit_status": null}) and again when it ends; a
 * file still without an exit status is a run that was killed.
 */
public final class RunRecord {

    /** The file's name in the output folder. */
    public static final String FILE_NAME = "run.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final ObjectNode root = JSON.createObjectNode();
    private final Instant start;

    /**
     * What the run was asked to do.
     *
     * @param command the command line's arguments, as given
     * @param version the Muster version
     * @param seed the seed actually used (given or drawn)
     * @param seedGiven whether the seed came from {@code --seed}
     * @param settings the request: family, data, method, chains, warmup, draws, method options...
     */
    public record Start(List<String> command, String version, long seed, boolean seedGiven,
            Map<String, Object> settings) {
    }

    private RunRecord(Path directory, Start run, Instant start) {
        this.file = directory.resolve(FILE_NAME);
        this.start = start;
        ArrayNode command = root.putArray("command");
        run.command().forEach(command::add);
        root.put("muster_version", run.version());
        ObjectNode java = root.putObject("java");
        java.put("version", System.getProperty("java.version"));
        java.put("vendor", System.getProperty("java.vendor"));
        java.put("runtime", System.getProperty("java.runtime.version"));
        ObjectNode os = root.putObject("os");
        os.put("name", System.getProperty("os.name"));
        os.put("version", System.getProperty("os.version"));
        os.put("arch", System.getProperty("os.arch"));
        os.put("processors", Runtime.getRuntime().availableProcessors());
        root.put("seed", run.seed());
        root.put("seed_given", run.seedGiven());
        root.set("settings", JSON.valueToTree(run.settings()));
        root.put("start_time", start.toString());
        root.putNull("end_time");
        root.putNull("wall_seconds");
        root.putNull("exit_status");
        root.putNull("cancelled");
        // null until the run ends: a later --overwrite then knows a killed run's files by their names
        root.putNull("files");
    }

    /** Writes the start of the record into a folder. */
    public static RunRecord begin(Path directory, Start run, Instant start) {
        RunRecord record = new RunRecord(directory, run, start);
        record.write();
        return record;
    }

    /** A record of a run, written by {@link #end} only. */
    static RunRecord of(Path directory, Start run, Instant start) {
        return new RunRecord(directory, run, start);
    }

    /**
     * The request's settings as {@code run.json} records them: family, data, method, chains, warmup,
     * draws, method options, predict and the output folder.
     */
    public static Map<String, Object> settings(FitRequest request, Path directory) {
        Map<String, Object> settings = new java.util.LinkedHashMap<>();
        settings.put("family", request.model());
        settings.put("data", request.data().orElse(null));
        settings.put("method", request.method());
        settings.put("chains", request.chains());
        settings.put("warmup", request.warmup());
        settings.put("draws", request.draws());
        settings.put("method_options", request.methodOptions());
        settings.put("predict", request.predict());
        settings.put("output", directory.toString());
        return settings;
    }

    /**
     * Completes the record and writes it again.
     *
     * @param methodSettings the method's settings as the fit reports them (CmdStan's names), if it ran
     * @param drawsPerChain draws per chain in the output, if the fit ran
     */
    public void end(Instant end, int exitStatus, boolean cancelled, Optional<Map<String, String>> methodSettings,
            Optional<Integer> drawsPerChain) {
        end(end, exitStatus, cancelled, methodSettings, drawsPerChain, List.of());
    }

    /**
     * Completes the record, listing the files the run wrote, and writes it again.
     *
     * @param files the run's files relative to its folder, besides run.json and muster.log (listed always)
     */
    public void end(Instant end, int exitStatus, boolean cancelled, Optional<Map<String, String>> methodSettings,
            Optional<Integer> drawsPerChain, List<String> files) {
        root.put("end_time", end.toString());
        root.put("wall_seconds", Duration.between(start, end).toNanos() * 1e-9);
        root.put("exit_status", exitStatus);
        root.put("cancelled", cancelled);
        methodSettings.ifPresent(s -> root.set("method_settings", JSON.valueToTree(s)));
        drawsPerChain.ifPresent(n -> root.put("draws_per_chain", n));
        ArrayNode listed = root.putArray("files");
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(files);
        if (Files.exists(file.resolveSibling(RunLog.FILE_NAME))) {
            names.add(RunLog.FILE_NAME);
        }
        names.add(FILE_NAME);
        names.forEach(listed::add);
        write();
    }

    /**
     * Adds, for a variational fit, the Pareto k-hat's verdict on the approximation (written with the end).
     */
    /** How long each phase of the run took ({@code phase_seconds}: load, fit, summaries, writing). */
    public void phases(Map<String, Double> seconds) {
        ObjectNode node = root.putObject("phase_seconds");
        seconds.forEach(node::put);
    }

    public void variational(double paretoK, String reading, String advice) {
        ObjectNode node = root.putObject("variational");
        if (Double.isFinite(paretoK)) {
            node.put("pareto_k", paretoK);
        } else {
            node.putNull("pareto_k");
        }
        node.put("pareto_k_reading", reading);
        node.put("advice", advice);
    }

    public Path file() {
        return file;
    }

    private void write() {
        try {
            // written whole then moved, so a kill never leaves half a file
            Path partial = file.resolveSibling(FILE_NAME + ".partial");
            JSON.writeValue(partial.toFile(), root);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
