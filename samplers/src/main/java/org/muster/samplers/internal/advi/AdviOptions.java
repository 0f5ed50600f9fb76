package org.muster.samplers.internal.advi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muster.core.spi.MethodOption;
import org.muster.core.spi.MethodOptions;

/**
 * The options of ADVI, named as CmdStan names them.
 *
 * @param fullRank whether the Gaussian has a full covariance (else diagonal)
 * @param iterations maximum optimization iterations ({@code iter})
 * @param gradSamples draws per gradient estimate ({@code grad_samples})
 * @param elboSamples draws per ELBO estimate ({@code elbo_samples})
 * @param evalElbo the ELBO is estimated every this many iterations ({@code eval_elbo})
 * @param tolRelObj convergence tolerance on the relative ELBO change ({@code tol_rel_obj})
 * @param eta the step size, or where none is adapted, the fixed step size ({@code eta})
 * @param adaptEngaged whether eta is chosen by a short search ({@code adapt_engaged})
 * @param adaptIterations iterations per candidate eta in that search ({@code adapt_iter})
 * @param outputSamples draws from the approximation; 0 means the run's draws ({@code output_samples})
 */
record AdviOptions(boolean fullRank, int iterations, int gradSamples, int elboSamples, int evalElbo, double tolRelObj,
        double eta, boolean adaptEngaged, int adaptIterations, int outputSamples) {

    static final String ITER = "iter";
    static final String GRAD_SAMPLES = "grad_samples";
    static final String ELBO_SAMPLES = "elbo_samples";
    static final String EVAL_ELBO = "eval_elbo";
    static final String TOL_REL_OBJ = "tol_rel_obj";
    static final String ETA = "eta";
    static final String ADAPT_ENGAGED = "adapt_engaged";
    static final String ADAPT_ITER = "adapt_iter";
    static final String OUTPUT_SAMPLES = "output_samples";

    /** Stan's defaults: 10,000 iterations, 1 gradient draw, 100 ELBO draws every 100 iterations, tolerance 0.01. */
    static AdviOptions defaults(boolean fullRank) {
        return new AdviOptions(fullRank, 10_000, 1, 100, 100, 0.01, 1.0, true, 50, 0);
    }

    private static final AdviOptions STAN = defaults(false);

    /** The options, as {@code InferenceMethodProvider.options()} lists them, with Stan's defaults. */
    static final List<MethodOption> DECLARED = List.of(
            MethodOption.integer(ITER, STAN.iterations(), 1, "maximum optimization iterations"),
            MethodOption.integer(GRAD_SAMPLES, STAN.gradSamples(), 1, "draws per Monte Carlo estimate of the ELBO's gradient"),
            MethodOption.integer(ELBO_SAMPLES, STAN.elboSamples(), 1, "draws per estimate of the ELBO"),
            MethodOption.integer(EVAL_ELBO, STAN.evalElbo(), 1, "the ELBO is estimated every this many iterations"),
            MethodOption.positive(TOL_REL_OBJ, STAN.tolRelObj(), "convergence tolerance on the relative change of the ELBO"),
            MethodOption.positive(ETA, STAN.eta(), "the step size when adapt_engaged=false (else chosen among 100, 10, 1,"
                    + " 0.1, 0.01)"),
            MethodOption.bool(ADAPT_ENGAGED, STAN.adaptEngaged(), "whether a short search chooses the step size eta"),
            MethodOption.integer(ADAPT_ITER, STAN.adaptIterations(), 1, "iterations per candidate step size in that search"),
            MethodOption.integer(OUTPUT_SAMPLES, null, 1, "draws from the approximation (default: the run's draws)"));

    /** Reads and checks the options of {@code method}. */
    static AdviOptions parse(String method, boolean fullRank, MethodOptions options) {
        options.check(method, DECLARED);
        AdviOptions d = defaults(fullRank);
        int iterations = options.getInt(ITER, d.iterations(), 1);
        int gradSamples = options.getInt(GRAD_SAMPLES, d.gradSamples(), 1);
        int elboSamples = options.getInt(ELBO_SAMPLES, d.elboSamples(), 1);
        int evalElbo = options.getInt(EVAL_ELBO, d.evalElbo(), 1);
        double tolRelObj = options.getPositive(TOL_REL_OBJ, d.tolRelObj());
        double eta = options.getPositive(ETA, d.eta());
        boolean adaptEngaged = options.getBoolean(ADAPT_ENGAGED, true);
        int adaptIterations = options.getInt(ADAPT_ITER, d.adaptIterations(), 1);
        int outputSamples = options.getInt(OUTPUT_SAMPLES, 1, 1);
        return new AdviOptions(fullRank, iterations, gradSamples, elboSamples, evalElbo, tolRelObj, eta, adaptEngaged,
                adaptIterations, options.asMap().containsKey(OUTPUT_SAMPLES) ? outputSamples : 0);
    }

    /** The number of draws from the approximation for a run asking for {@code runDraws} draws. */
    int outputSamples(int runDraws) {
        return outputSamples > 0 ? outputSamples : runDraws;
    }

    /** The settings as CmdStan writes them in its CSV header. */
    Map<String, String> settings(double etaUsed, int draws) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("algorithm", "variational");
        s.put("engine", fullRank ? "fullrank" : "meanfield");
        s.put("iter", Integer.toString(iterations));
        s.put("grad_samples", Integer.toString(gradSamples));
        s.put("elbo_samples", Integer.toString(elboSamples));
        s.put("eta", Double.toString(etaUsed));
        s.put("adapt_engaged", adaptEngaged ? "1" : "0");
        s.put("adapt_iter", Integer.toString(adaptIterations));
        s.put("tol_rel_obj", Double.toString(tolRelObj));
        s.put("eval_elbo", Integer.toString(evalElbo));
        s.put("output_samples", Integer.toString(outputSamples(draws)));
        return s;
    }
}
