package org.muster.app.internal.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.muster.app.internal.LongTables;
import org.muster.models.api.ShrinkageRow;
import org.muster.models.api.ShrinkageTable;

/** Prints a shrinkage table: each unit's raw estimate, posterior and how far it moved toward the population. */
final class ShrinkageReport {

    private ShrinkageReport() {
    }

    static void print(PrintWriter out, ShrinkageTable table) {
        ShrinkageRow first = table.rows().get(0);
        out.println(table.populationVariable()
                .map(p -> String.format(Locale.ROOT, "Shrinkage toward the population mean (%s = %.4g); moved ="
                        + " fraction of the way from the raw estimate:", p, first.populationMean()))
                .orElse("Unit estimates (no population to shrink toward):"));
        int width = Math.max(4, table.rows().stream().mapToInt(r -> r.unit().length()).max().orElse(4));
        int variableWidth = Math.max(8, table.rows().stream().mapToInt(r -> r.variable().length()).max().orElse(8));
        boolean sizes = table.rows().stream().anyMatch(r -> r.n() >= 0);
        String format = "%-" + width + "s %-" + variableWidth + "s %9s %9s %9s %9s %7s" + (sizes ? " %6s" : "%s") + "%n";
        out.printf(Locale.ROOT, format, "unit", "variable", table.rawDescription(), "mean", "5%", "95%", "moved",
                sizes ? "n" : "");
        List<ShrinkageRow> rows = table.rows().size() > LongTables.UNITS_SHOWN
                ? table.rows().subList(0, LongTables.UNITS_SHOWN) : table.rows();
        for (ShrinkageRow row : rows) {
            out.printf(Locale.ROOT, format, row.unit(), row.variable(), number(row.raw()), number(row.mean()),
                    number(row.q5()), number(row.q95()),
                    Double.isFinite(row.shrinkage()) ? String.format(Locale.ROOT, "%.2f", row.shrinkage()) : "-",
                    sizes ? (row.n() >= 0 ? Integer.toString(row.n()) : "-") : "");
        }
        if (rows.size() < table.rows().size()) {
            out.println(String.format(Locale.ROOT, "... and %,d more units not shown (shrinkage.csv has every row).",
                    table.rows().size() - rows.size()));
        }
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "-";
    }
}
