package org.muster.samplers.internal.advi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.muster.core.api.ChainReport;
import org.muster.core.api.CompiledModel;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.ModelEvaluator;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.api.RandomStreams;
import org.muster.core.api.VariationalFit;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.core.spi.MethodOption;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;

/**
 * What mean-field and full-rank ADVI share: options, the initial point, the optimization, the draws from
 * the approximation and their Pareto-smoothed importance-sampling check. The run is one optimization on
 * the calling thread ({@link RunConfig#chains()} and {@link RunConfig#warmup()} do not apply; the run's
 * {@link RunConfig#draws()} is the number of draws unless {@code output_samples} says otherwise).
 */
abstract class AdviProvider implements InferenceMethodProvider {

    private static final int INIT_ATTEMPTS = 100;
    private static final double INIT_RADIUS = 2.0;
    static final List<String> STATISTIC_NAMES = List.of("lp__", "log_p__", "log_g__");

    /** Whether the Gaussian has a full covariance. */
    abstract boolean fullRank();

    @Override
    public List<MethodOption> options() {
        return AdviOptions.DECLARED;
    }

    @Override
    public InferenceMethod create(MethodOptions methodOptions) {
        AdviOptions options = AdviOptions.parse(id(), fullRank(), methodOptions);
        return (model, config, listener) -> fit(options, model, config, listener);
    }

    @Override
    public List<String> explain(Model model, MethodOptions methodOptions) {
        AdviOptions options = AdviOptions.parse(id(), fullRank(), methodOptions);
        int d = model.compile().dimension();
        return List.of("all " + d + " unconstrained coordinates: one " + (fullRank()
                ? "Gaussian with a full covariance (" + (d + d * (d + 1) / 2) + " variational parameters)"
                : "Gaussian with a diagonal covariance (" + 2 * d + " variational parameters)")
                + ", step size " + (options.adaptEngaged() ? "chosen among 100, 10, 1, 0.1, 0.01" : "eta=" + options.eta()));
    }

    private VariationalFit fit(AdviOptions options, Model model, RunConfig config, FitListener listener) {
        model.requireNoDiscreteParameters(id());
        long start = System.nanoTime();
        CompiledModel compiled = model.compile();
        ModelEvaluator evaluator = compiled.newEvaluator();
        RandomGenerator random = RandomStreams.split(config.seed(), 1).get(0);
        double[] init = initialPoint(compiled, evaluator, config, random);
        GaussianApproximation q = GaussianApproximation.of(fullRank(), compiled.dimension());
        Advi.Result result;
        try {
            result = new Advi(evaluator, q, options, random, listener).run(init);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(id() + ": " + e.getMessage(), e);
        }
        long optimized = System.nanoTime();
        List<String> warnings = new ArrayList<>(result.warnings());

        int samples = options.outputSamples(config.draws());
        int d = compiled.dimension();
        Draws.Builder draws = Draws.builder(compiled.outputNames(), 1, samples);
        Draws.Builder statistics = Draws.builder(STATISTIC_NAMES, 1, samples);
        double[] eta = new double[d];
        double[] zeta = new double[d];
        double[] row = new double[evaluator.outputSize()];
        double[] stats = new double[STATISTIC_NAMES.size()];
        double[] logRatios = new double[samples];
        double[][] outputs = new double[samples][];
        int nonFinite = 0;
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < d; i++) {
                eta[i] = random.nextGaussian();
            }
            q.transform(eta, zeta);
            double logP = evaluator.logDensity(zeta);
            double logQ = q.logDensityOfDraw(eta);
            evaluator.outputs(zeta, row);
            draws.set(0, s, row);
            outputs[s] = row.clone();
            // lp__ is 0 in Stan's variational output; log_p__ and log_g__ are the model's and the approximation's log densities.
            stats[0] = 0;
            stats[1] = logP;
            stats[2] = logQ;
            statistics.set(0, s, stats);
            if (Double.isFinite(logP)) {
                logRatios[s] = logP - logQ;
            } else {
                logRatios[s] = Double.NEGATIVE_INFINITY;
                nonFinite++;
            }
        }
        if (nonFinite > 0) {
            warnings.add(nonFinite + " of " + samples + " draws from the approximation fall where the log density is not"
                    + " finite (importance weight 0)");
        }
        double paretoK = Double.NaN;
        Map<String, Double> psisMeans = new LinkedHashMap<>();
        if (nonFinite == samples) {
            warnings.add("no draw from the approximation has a finite log density: no Pareto k-hat and no"
                    + " importance-sampling means; do not trust this approximation");
        } else {
            ParetoSmoothing.Result smoothed = ParetoSmoothing.smooth(logRatios);
            paretoK = smoothed.paretoK();
            double[] weights = new double[samples];
            for (int s = 0; s < samples; s++) {
                weights[s] = Math.exp(smoothed.logWeights()[s]);
            }
            for (int v = 0; v < row.length; v++) {
                double sum = 0;
                for (int s = 0; s < samples; s++) {
                    if (weights[s] > 0) {
                        sum += weights[s] * outputs[s][v];
                    }
                }
                psisMeans.put(compiled.outputNames().get(v), sum);
            }
            String reading = VariationalFit.paretoKReading(paretoK);
            if (Double.isNaN(paretoK)) {
                warnings.add("the Pareto k-hat could not be estimated from " + samples + " draws (tail of "
                        + ParetoSmoothing.tailLength(samples) + "); use more output_samples");
            } else if (reading.equals("do not trust")) {
                warnings.add(String.format(Locale.ROOT, "Pareto k-hat = %.2f > %.1f: the approximation is far from the"
                        + " posterior (Yao et al. 2018); do not trust its estimates, fit with nuts", paretoK,
                        VariationalFit.PARETO_K_USABLE));
            } else if (reading.equals("usable")) {
                warnings.add(String.format(Locale.ROOT, "Pareto k-hat = %.2f is between %.1f and %.1f: the approximation is"
                        + " usable but rough; prefer the PSIS-reweighted means", paretoK, VariationalFit.PARETO_K_GOOD,
                        VariationalFit.PARETO_K_USABLE));
            }
        }
        long end = System.nanoTime();
        long evaluations = result.gradientEvaluations() + result.densityEvaluations() + samples;
        ChainReport report = new ChainReport(1, (optimized - start) * 1e-9, (end - optimized) * 1e-9, evaluations);
        Map<String, String> settings = options.settings(result.eta(), config.draws());
        PosteriorDraws posterior = new PosteriorDraws(id(), draws.build(), statistics.build(), List.of(report),
                result.cancelled(), settings);
        boolean full = fullRank();
        double[] mean = java.util.Arrays.copyOf(q.parameters, d);
        double[] logSd = full ? new double[0] : ((GaussianApproximation.MeanField) q).logStandardDeviations();
        double[][] cholesky = full ? ((GaussianApproximation.FullRank) q).cholesky() : new double[0][];
        return new VariationalFit(id(), full, compiled.unconstrainedNames(), mean, logSd, cholesky, result.trace(),
                result.converged(), result.stopReason(), result.iterations(), result.eta(), result.gradientEvaluations(),
                result.densityEvaluations() + samples, (end - start) * 1e-9, paretoK, psisMeans, warnings, settings,
                posterior);
    }

    /**
     * The approximation's initial mean: the user's initial values, the rest uniform(-2, 2) on the
     * unconstrained scale as Stan draws them, retried where the log density or its gradient is not finite.
     */
    private double[] initialPoint(CompiledModel compiled, ModelEvaluator evaluator, RunConfig config,
            RandomGenerator random) {
        double[] x = new double[compiled.dimension()];
        double[] gradient = new double[compiled.dimension()];
        String culprit = null;
        for (int attempt = 0; attempt < INIT_ATTEMPTS; attempt++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextDouble(-INIT_RADIUS, INIT_RADIUS);
            }
            compiled.unconstrainInto(config.initialValues(), x);
            double lp = evaluator.logDensityGradient(x, gradient);
            culprit = Double.isFinite(lp) ? null : "log density (" + lp + "); the first non-finite term is '"
                    + evaluator.firstNonFiniteTerm(x) + "'";
            for (int i = 0; culprit == null && i < x.length; i++) {
                if (!Double.isFinite(gradient[i])) {
                    culprit = "gradient with respect to '" + compiled.unconstrainedNames().get(i) + "'";
                }
            }
            if (culprit == null) {
                return x;
            }
        }
        throw new IllegalArgumentException(id() + ": no initial point with a finite log density and gradient in "
                + INIT_ATTEMPTS + " attempts (uniform(-2, 2) on the unconstrained scale for the parameters without"
                + " initial values); the last attempt had a non-finite " + culprit
                + ". Supply initial values or check the model's data and priors");
    }
}
