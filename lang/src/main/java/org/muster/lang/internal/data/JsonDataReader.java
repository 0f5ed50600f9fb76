package org.muster.lang.internal.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.muster.lang.internal.text.Position;
import org.muster.lang.internal.text.SourceText;

/**
 * Reads Stan's JSON data format: one object whose members are numbers, {@code null} (NA), strings
 * (for {@code .RNG.name}) or arrays nested to any depth, {@code x[i][j]} being {@code x[i,j]}; arrays are
 * rectangular, and their values are stored column-major as JAGS holds them. {@code NaN} and
 * {@code Infinity} are read as CmdStan writes them.
 */
public final class JsonDataReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    private final SourceText source;

    private JsonDataReader(SourceText source) {
        this.source = source;
    }

    /**
     * The variables of a JSON data file.
     *
     * @throws org.muster.lang.spi.ModelFileException at the first thing that is not such an object
     */
    public static DataTable read(SourceText source) {
        return new JsonDataReader(source).run();
    }

    private DataTable run() {
        DataTable table = new DataTable();
        try (JsonParser parser = FACTORY.createParser(source.text())) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return table;
            }
            if (first != JsonToken.START_OBJECT) {
                throw source.error(position(parser), "expected a JSON object of variables, e.g. {\"N\": 3, \"y\": [1, 2, 3]}");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                Position position = position(parser);
                JsonToken token = parser.nextToken();
                if (token == JsonToken.VALUE_STRING) {
                    table.add(new DataArray(name, new int[0], new double[0], parser.getText(), source, position));
                    continue;
                }
                if (token == JsonToken.START_OBJECT) {
                    throw source.error(position(parser), "'" + name + "' is an object; expected a number or an array of numbers");
                }
                List<Integer> dimensions = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                read(parser, name, token, 0, dimensions, values, new int[] {-1});
                table.add(DataArray.numeric(name, dimensions.stream().mapToInt(Integer::intValue).toArray(),
                        columnMajor(values, dimensions), source, position));
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw source.error(position(parser), "expected the end of the object");
            }
            if (parser.nextToken() != null) {
                throw source.error(position(parser), "expected the end of the file after the object");
            }
        } catch (JsonParseException e) {
            JsonLocation location = e.getLocation();
            throw source.error(new Position(location.getLineNr(), location.getColumnNr(), 1),
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw SourceText.wholeFile(source.name(), "cannot read JSON: " + e.getMessage());
        }
        return table;
    }

    /**
     * Reads a value at nesting depth {@code depth}, recording the extent of each depth ({@code -1} until
     * the first array at that depth closes) and the depth at which numbers sit ({@code leaf[0]}, -1 until
     * the first number).
     */
    private void read(JsonParser parser, String name, JsonToken token, int depth, List<Integer> dimensions,
            List<Double> values, int[] leaf) throws IOException {
        if (token == JsonToken.START_ARRAY) {
            if (leaf[0] >= 0 && depth >= leaf[0]) {
                throw notRectangular(parser, name);
            }
            if (dimensions.size() == depth) {
                dimensions.add(-1);
            }
            int count = 0;
            JsonToken next;
            while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                read(parser, name, next, depth + 1, dimensions, values, leaf);
                count++;
            }
            if (dimensions.get(depth) < 0) {
                dimensions.set(depth, count);
            } else if (dimensions.get(depth) != count) {
                throw source.error(position(parser), "'" + name + "' is not rectangular: an array at depth " + (depth + 1)
                        + " has " + count + " entries but an earlier one has " + dimensions.get(depth));
            }
            return;
        }
        if (leaf[0] < 0) {
            leaf[0] = depth;
        }
        if (depth != leaf[0] || dimensions.size() > depth) {
            throw notRectangular(parser, name);
        }
        switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.add(parser.getDoubleValue());
            case VALUE_NULL -> values.add(Double.NaN);
            case VALUE_TRUE -> values.add(1.0);
            case VALUE_FALSE -> values.add(0.0);
            case VALUE_STRING -> {
                String text = parser.getText();
                if (text.equals("NA") || text.equals("NaN")) {
                    values.add(Double.NaN);
                } else {
                    throw source.error(position(parser), "'" + name + "' holds the string \"" + text
                            + "\"; expected numbers (null or \"NA\" for a missing value)");
                }
            }
            default -> throw source.error(position(parser), "'" + name + "': expected a number or an array");
        }
    }

    private org.muster.lang.spi.ModelFileException notRectangular(JsonParser parser, String name) {
        return source.error(position(parser), "'" + name + "' is not rectangular: numbers and arrays are mixed at one"
                + " depth, or arrays nest to different depths");
    }

    /** Row-major nested values (the last index fastest) to column-major (the first index fastest). */
    private static double[] columnMajor(List<Double> values, List<Integer> dimensions) {
        int n = values.size();
        double[] out = new double[n];
        int rank = dimensions.size();
        if (rank <= 1) {
            for (int i = 0; i < n; i++) {
                out[i] = values.get(i);
            }
            return out;
        }
        int[] index = new int[rank];
        for (int rowMajor = 0; rowMajor < n; rowMajor++) {
            int columnMajor = 0;
            int stride = 1;
            for (int d = 0; d < rank; d++) {
                columnMajor += index[d] * stride;
                stride *= dimensions.get(d);
            }
            out[columnMajor] = values.get(rowMajor);
            for (int d = rank - 1; d >= 0; d--) {
                if (++index[d] < dimensions.get(d)) {
                    break;
                }
                index[d] = 0;
            }
        }
        return out;
    }

    private Position position(JsonParser parser) {
        JsonLocation location = parser.currentTokenLocation();
        int length = 1;
        try {
            String text = parser.getText();
            if (text != null) {
                length = text.length() + (parser.currentToken() == JsonToken.FIELD_NAME ? 2 : 0);
            }
        } catch (IOException e) {
            length = 1;
        }
        return new Position(location.getLineNr(), location.getColumnNr(), length);
    }
}
