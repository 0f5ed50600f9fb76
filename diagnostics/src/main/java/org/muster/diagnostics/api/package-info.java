/**
 * Posterior summaries and convergence diagnostics of Markov chains, as the R package {@code posterior}
 * 1.4.0 computes them (Vehtari, Gelman, Simpson, Carpenter &amp; Bürkner 2021): {@link
 * org.muster.diagnostics.api.Summaries} (one {@link org.muster.diagnostics.api.SummaryRow} per variable,
 * sampler checks and warnings for a fit), {@link org.muster.diagnostics.api.Convergence} (R-hat, ESS) and
 * {@link org.muster.diagnostics.api.MonteCarloError} (MCSE) over plain {@code [chain][iteration]} arrays,
 * and Stan CSV files in CmdStan's layout ({@link org.muster.diagnostics.api.StanCsv},
 * {@link org.muster.diagnostics.api.StanCsvWriter}); and the statistics of simulation-based calibration:
 * ranks of true values among thinned draws ({@link org.muster.diagnostics.api.CalibrationRank}), the rank
 * histogram's chi-square test ({@link org.muster.diagnostics.api.ChiSquareUniformity}) and the ECDF test
 * with simultaneous bands ({@link org.muster.diagnostics.api.EcdfUniformity},
 * {@link org.muster.diagnostics.api.EcdfBand}).
 */
package org.muster.diagnostics.api;
