package org.muster.app.api;

import java.io.Serializable;
import java.util.List;

/**
 * One row of {@code sbc.csv}: a parameter's true value in one simulation of simulation-based calibration
 * and its rank among the fit's thinned draws. Immutable.
 *
 * @param simulation the simulation's number, from 1
 * @param seed the simulation's seed (derived from the run's seed and the number)
 * @param variable the parameter, e.g. {@code tau} or {@code theta[3]}
 * @param truth the value the data were simulated with
 * @param rank how many kept draws are below the truth, 0 .. {@code draws}
 * @param draws how many draws were kept after thinning
 * @param thin every {@code thin}-th draw of each chain was kept
 * @param fraction the randomized fractional rank in [0, 1), uniform if the fit is calibrated
 * @param mean the fit's posterior mean
 * @param sd the fit's posterior sd
 * @param rhat the fit's R-hat of the parameter
 * @param essBulk the fit's bulk ESS
 * @param essTail the fit's tail ESS
 * @param divergent divergent transitions of the fit (all parameters), 0 for samplers without them
 */
public record CalibrationRow(int simulation, long seed, String variable, double truth, int rank, int draws, int thin,
        double fraction, double mean, double sd, double rhat, double essBulk, double essTail, int divergent)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The column names of {@code sbc.csv}, in order. */
    public static final List<String> COLUMNS = List.of("simulation", "seed", "variable", "true_value", "rank",
            "max_rank", "thin", "fraction", "mean", "sd", "rhat", "ess_bulk", "ess_tail", "divergent");
}
