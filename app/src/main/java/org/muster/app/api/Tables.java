package org.muster.app.api;

import java.util.ArrayList;
import java.util.List;
import org.muster.models.api.Dataset;

/** Rows of a {@link Dataset} taken apart and put back together, keeping each row's place in its file. */
final class Tables {

    private Tables() {
    }

    /** The cells of every row, column by column as the dataset lists them. */
    static List<String[]> rows(Dataset data) {
        List<List<String>> columns = new ArrayList<>();
        for (String column : data.columns()) {
            columns.add(data.text(column));
        }
        List<String[]> rows = new ArrayList<>(data.rowCount());
        for (int r = 0; r < data.rowCount(); r++) {
            String[] row = new String[columns.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = columns.get(c).get(r);
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * The file line of each row, read back from {@link Dataset#rowLocation} ({@code "line 12"}); the
     * row's number from 1 where the location holds none.
     */
    static int[] lines(Dataset data) {
        int[] lines = new int[data.rowCount()];
        for (int r = 0; r < lines.length; r++) {
            String location = data.rowLocation(r);
            int space = location.lastIndexOf(' ');
            try {
                lines[r] = Integer.parseInt(location.substring(space + 1));
            } catch (NumberFormatException e) {
                lines[r] = r + 1;
            }
        }
        return lines;
    }
}
