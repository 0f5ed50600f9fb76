package org.muster.app.internal.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.muster.core.api.VariationalFit;
import org.muster.diagnostics.api.PosteriorSummary;
import org.muster.diagnostics.api.SummaryRow;

/** How a variational fit went and whether to trust it: the stop, the Pareto k-hat, reweighted means. */
final class VariationalReport {

    /** Rows of reweighted means shown at most; the summary files hold every variable. */
    private static final int MAX_ROWS = 12;

    private VariationalReport() {
    }

    static void print(PrintWriter out, VariationalFit fit, PosteriorSummary summary) {
        out.printf(Locale.ROOT, "%s: %s after %d iterations (eta %s), %d gradient evaluations, %.2f s%n",
                fit.methodId(), fit.stopReason(), fit.iterations(), fit.stepSize(), fit.gradientEvaluations(),
                fit.seconds());
        out.printf(Locale.ROOT, "Pareto k-hat = %.2f (%s): %s%n", fit.paretoK(), fit.paretoKReading(),
                VariationalFit.paretoKAdvice(fit.paretoKReading()));
        out.println("R-hat and ESS above are of independent draws from the approximation: they say nothing about"
                + " how good it is.");
        out.println();
        out.printf(Locale.ROOT, "%-20s %12s %14s%n", "variable", "mean", "PSIS mean");
        int shown = 0;
        for (SummaryRow row : summary.rows()) {
            Double reweighted = fit.psisMeans().get(row.variable());
            if (reweighted == null) {
                continue;
            }
            if (shown++ == MAX_ROWS) {
                out.println("... (summary.csv and the draws hold every variable)");
                break;
            }
            out.printf(Locale.ROOT, "%-20s %12.4g %14.4g%n", row.variable(), row.mean(), reweighted);
        }
        for (String warning : fit.warnings()) {
            out.println("warning: " + warning);
        }
    }
}
