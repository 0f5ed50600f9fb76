package org.muster.samplers.internal.hmc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.muster.core.spi.MethodOption;
import org.muster.core.spi.MethodOptions;

/**
 * The options of the Hamiltonian samplers, named as CmdStan names them.
 *
 * @param engine {@code nuts} or {@code static}
 * @param adaptDelta target acceptance statistic of step-size adaptation
 * @param maxDepth NUTS's maximum tree depth
 * @param integrationTime static HMC's integration time
 * @param metric {@code unit_e}, {@code diag_e} or {@code dense_e}
 * @param stepSize where the step-size search starts (the step size itself without adaptation)
 * @param adaptEngaged whether warmup adapts step size and metric
 * @param initBuffer initial fast interval
 * @param termBuffer terminal fast interval
 * @param window first slow window
 */
record HamiltonianOptions(String engine, double adaptDelta, int maxDepth, double integrationTime, String metric,
        double stepSize, boolean adaptEngaged, int initBuffer, int termBuffer, int window) {

    static final String ADAPT_DELTA = "adapt_delta";
    static final String MAX_DEPTH = "max_depth";
    static final String INT_TIME = "int_time";
    static final String METRIC = "metric";
    static final String STEPSIZE = "stepsize";
    static final String ADAPT_ENGAGED = "adapt_engaged";
    static final String INIT_BUFFER = "init_buffer";
    static final String TERM_BUFFER = "term_buffer";
    static final String WINDOW = "window";

    private static final double DEFAULT_ADAPT_DELTA = 0.8;
    private static final int DEFAULT_MAX_DEPTH = 10;
    private static final double DEFAULT_INT_TIME = 2 * Math.PI;
    private static final double DEFAULT_STEPSIZE = 1;

    /** The options NUTS ({@code nuts} true) or static HMC takes, as {@code InferenceMethodProvider.options()} lists them. */
    static List<MethodOption> declared(boolean nuts) {
        List<MethodOption> options = new ArrayList<>();
        options.add(MethodOption.number(ADAPT_DELTA, DEFAULT_ADAPT_DELTA, 0, true, 1, true,
                "target acceptance statistic of the step size's dual averaging in warmup"));
        if (nuts) {
            options.add(MethodOption.integer(MAX_DEPTH, DEFAULT_MAX_DEPTH, 1, 30, "maximum tree depth"));
        } else {
            options.add(MethodOption.positive(INT_TIME, DEFAULT_INT_TIME, "integration time of every trajectory"));
        }
        options.add(MethodOption.choice(METRIC, "diag_e", List.of("diag_e", "dense_e", "unit_e"),
                List.of("diag", "diagonal", "dense", "unit"),
                "diagonal or dense metric estimated in warmup's slow windows, or the unit metric"));
        options.add(MethodOption.positive(STEPSIZE, DEFAULT_STEPSIZE,
                "where warmup's step-size search starts; the step size itself without adaptation"));
        options.add(MethodOption.bool(ADAPT_ENGAGED, true, "whether warmup adapts the step size and metric"));
        options.add(MethodOption.integer(INIT_BUFFER, WarmupSchedule.DEFAULT_INIT_BUFFER, 0,
                "warmup iterations before the first slow window (step size only)"));
        options.add(MethodOption.integer(TERM_BUFFER, WarmupSchedule.DEFAULT_TERM_BUFFER, 0,
                "warmup iterations after the last slow window (step size only)"));
        options.add(MethodOption.integer(WINDOW, WarmupSchedule.DEFAULT_BASE_WINDOW, 1,
                "length of the first slow window, which estimates the metric; each next one is twice as long"));
        return List.copyOf(options);
    }

    /** Reads and checks the options of {@code method}. */
    static HamiltonianOptions parse(String method, boolean nuts, MethodOptions options) {
        options.check(method, declared(nuts));
        double adaptDelta = options.getDouble(ADAPT_DELTA, DEFAULT_ADAPT_DELTA);
        int maxDepth = options.getInt(MAX_DEPTH, DEFAULT_MAX_DEPTH);
        double integrationTime = options.getPositive(INT_TIME, DEFAULT_INT_TIME);
        String metric = switch (options.getString(METRIC, "diag_e").trim().toLowerCase(Locale.ROOT)) {
            case "diag_e", "diag", "diagonal" -> "diag_e";
            case "dense_e", "dense" -> "dense_e";
            case "unit_e", "unit" -> "unit_e";
            default -> throw new IllegalArgumentException("option " + METRIC + " must be diag_e, dense_e or unit_e, got '"
                    + options.getString(METRIC, "") + "'");
        };
        double stepSize = options.getPositive(STEPSIZE, DEFAULT_STEPSIZE);
        boolean adaptEngaged = options.getBoolean(ADAPT_ENGAGED, true);
        int initBuffer = options.getInt(INIT_BUFFER, WarmupSchedule.DEFAULT_INIT_BUFFER, 0);
        int termBuffer = options.getInt(TERM_BUFFER, WarmupSchedule.DEFAULT_TERM_BUFFER, 0);
        int window = options.getInt(WINDOW, WarmupSchedule.DEFAULT_BASE_WINDOW, 1);
        return new HamiltonianOptions(nuts ? "nuts" : "static", adaptDelta, maxDepth, integrationTime, metric, stepSize,
                adaptEngaged, initBuffer, termBuffer, window);
    }

    boolean nuts() {
        return engine.equals("nuts");
    }

    /** The settings as CmdStan writes them in its CSV header. */
    Map<String, String> settings(int warmup) {
        WarmupSchedule schedule = new WarmupSchedule(warmup, initBuffer, termBuffer, window);
        Map<String, String> s = new LinkedHashMap<>();
        s.put("algorithm", "hmc");
        s.put("engine", engine);
        if (nuts()) {
            s.put("max_depth", Integer.toString(maxDepth));
        } else {
            s.put("int_time", Double.toString(integrationTime));
        }
        s.put("metric", metric);
        s.put("stepsize", Double.toString(stepSize));
        s.put("stepsize_jitter", "0");
        s.put("adapt_engaged", adaptEngaged ? "1" : "0");
        s.put("delta", Double.toString(adaptDelta));
        s.put("gamma", Double.toString(StepSizeAdaptation.GAMMA));
        s.put("kappa", Double.toString(StepSizeAdaptation.KAPPA));
        s.put("t0", Double.toString(StepSizeAdaptation.T0));
        s.put("init_buffer", Integer.toString(schedule.initBuffer()));
        s.put("term_buffer", Integer.toString(schedule.termBuffer()));
        s.put("window", Integer.toString(schedule.baseWindow()));
        return s;
    }
}
