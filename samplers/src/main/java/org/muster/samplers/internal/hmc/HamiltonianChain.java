package org.muster.samplers.internal.hmc;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.muster.core.api.ChainReport;
import org.muster.core.spi.MarkovChain;

/**
 * One chain of HMC or NUTS: a kernel run with a step size and metric that the warmup adaptation hands
 * in. During warmup the step size follows dual averaging and the metric is re-estimated at the end of
 * each slow window (after which the step size is re-initialized and averaging restarts, as in Stan);
 * at the end of warmup the averaged step size is fixed. Sampling then uses a fixed kernel.
 */
final class HamiltonianChain implements MarkovChain {

    private static final double MAX_STEP_SIZE = 1e7;

    private final HamiltonianSystem system;
    private final HamiltonianKernel kernel;
    private final RandomGenerator random;
    private final StepSizeAdaptation stepSizeAdaptation;
    private final WarmupSchedule schedule;
    private final MetricEstimator estimator;
    private final PhasePoint state;
    private final PhasePoint scratch;
    private double stepSize;
    private int warmupIteration;
    private boolean adapting;

    /**
     * @param initialPoint not modified: a point with a finite log density and gradient
     * @param warmup the number of warmup iterations, for the window schedule
     * @param schedule the warmup windows
     * @param initialStepSize where the step-size search starts
     */
    HamiltonianChain(HamiltonianSystem system, HamiltonianKernel kernel, RandomGenerator random, double[] initialPoint,
            StepSizeAdaptation stepSizeAdaptation, WarmupSchedule schedule, double initialStepSize, int warmup) {
        this.system = system;
        this.kernel = kernel;
        this.random = random;
        this.stepSizeAdaptation = stepSizeAdaptation;
        this.schedule = schedule;
        this.estimator = new MetricEstimator(system.dimension(), system.metric().dense());
        this.state = new PhasePoint(system.dimension());
        this.scratch = new PhasePoint(system.dimension());
        System.arraycopy(initialPoint, 0, state.position, 0, initialPoint.length);
        system.evaluate(state);
        this.stepSize = initialStepSize;
        this.adapting = warmup > 0;
        if (adapting) {
            stepSizeAdaptation.restart(stepSize);
            stepSize = initialStepSize();
        }
    }

    /**
     * Stan's heuristic: from the current step size, double (or halve) it until the acceptance
     * probability of one leapfrog step crosses 0.8.
     */
    private double initialStepSize() {
        double epsilon = stepSize;
        double threshold = Math.log(0.8);
        int direction = trialEnergyChange(epsilon) > threshold ? 1 : -1;
        while (true) {
            double deltaH = trialEnergyChange(epsilon);
            if (direction == 1 && !(deltaH > threshold) || direction == -1 && !(deltaH < threshold)) {
                return epsilon;
            }
            epsilon = direction == 1 ? 2 * epsilon : 0.5 * epsilon;
            if (epsilon > MAX_STEP_SIZE) {
                throw new IllegalStateException("the step size grew beyond " + MAX_STEP_SIZE
                        + " while searching for one: the posterior is improper (flat in some direction); check the priors");
            }
            if (epsilon == 0) {
                throw new IllegalStateException("no positive step size gives a finite energy: the log density or its "
                        + "gradient is not finite near the current point");
            }
        }
    }

    /** H(start) − H(end) of one leapfrog step of size epsilon from the current position with a fresh momentum. */
    private double trialEnergyChange(double epsilon) {
        scratch.copyFrom(state);
        system.sampleMomentum(random, scratch);
        double start = system.hamiltonian(scratch);
        system.leapfrog(scratch, epsilon);
        return start - system.hamiltonian(scratch);
    }

    @Override
    public List<String> statisticNames() {
        return kernel.statisticNames();
    }

    @Override
    public void iterate(boolean warmup) {
        kernel.transition(state, stepSize);
        if (warmup && adapting) {
            stepSize = stepSizeAdaptation.learn(kernel.acceptStatistic());
            int i = warmupIteration++;
            if (schedule.inSlowWindow(i)) {
                estimator.add(state.position);
            }
            if (schedule.closesWindow(i)) {
                system.metric().setInverseMetric(estimator.regularized());
                estimator.restart();
                stepSize = initialStepSize();
                stepSizeAdaptation.restart(stepSize);
            }
        }
    }

    @Override
    public void endWarmup() {
        if (adapting && stepSizeAdaptation.learned()) {
            stepSize = stepSizeAdaptation.averagedStepSize();
        }
        adapting = false;
    }

    @Override
    public double[] position() {
        return state.position;
    }

    @Override
    public double logDensity() {
        return state.logDensity;
    }

    @Override
    public void statistics(double[] out) {
        kernel.statistics(stepSize, out);
    }

    @Override
    public long densityEvaluations() {
        return system.gradientEvaluations();
    }

    @Override
    public Optional<ChainReport.Adaptation> adaptation() {
        return Optional.of(new ChainReport.Adaptation(stepSize, system.metric().dense(), system.metric().inverseMetric()));
    }
}
