package org.muster.app.internal.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.muster.app.api.LoadedModel;
import org.muster.models.spi.FamilyModel.PriorRow;

/** {@code muster fit --show-priors}: the priors of the model as built, one row per parameter, as brms's prior_summary. */
final class PriorTable {

    private PriorTable() {
    }

    /** Prints the table and returns the exit code (0). */
    static int print(LoadedModel loaded, PrintWriter out) {
        List<PriorRow> rows = loaded.model().priors();
        if (rows.isEmpty() && loaded.family().isPresent()) {
            rows = loaded.family().get().defaultPriors().entrySet().stream()
                    .map((Map.Entry<String, String> e) -> new PriorRow(e.getKey(), e.getValue(), "default")).toList();
        }
        int parameterWidth = "parameter".length();
        int priorWidth = "prior".length();
        for (PriorRow row : rows) {
            parameterWidth = Math.max(parameterWidth, row.parameter().length());
            priorWidth = Math.max(priorWidth, row.prior().length());
        }
        String format = "%-" + parameterWidth + "s  %-" + priorWidth + "s  %s%n";
        out.printf(format, "parameter", "prior", "source");
        for (PriorRow row : rows) {
            out.printf(format, row.parameter(), row.prior(), row.source());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
