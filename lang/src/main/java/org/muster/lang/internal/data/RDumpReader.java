package org.muster.lang.internal.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muster.lang.internal.text.Position;
import org.muster.lang.internal.text.SourceText;

/**
 * Reads R's dump format as JAGS reads data and initial values: assignments {@code "N" <- 10},
 * {@code x <- c(1, NA, 3)}, {@code `y` = 2L}, a list {@code list(N = 10, x = c(...))} (BUGS's format),
 * arrays {@code structure(c(...), .Dim = c(2, 3))} or R 4's {@code dim = 2:3}, values in column-major
 * order; {@code NA}, integers such as {@code 10L}, ranges {@code 1:10}, {@code TRUE}/{@code FALSE},
 * {@code as.integer(...)}, {@code integer(0)}, negative numbers, exponents, {@code Inf}, and strings
 * (for {@code .RNG.name}). A data frame ({@code structure(list(...), class = "data.frame", ...)}) gives
 * one variable per column; other attributes ({@code .Dimnames}, {@code names}, {@code class},
 * {@code levels}) are ignored.
 */
public final class RDumpReader {

    private enum Kind { NAME, STRING, NUMBER, ASSIGN, EQUALS, LEFT_PAREN, RIGHT_PAREN, COMMA, COLON, MINUS, PLUS, SEMICOLON, END }

    private record Token(Kind kind, String text, double number, Position position) {
        String describe() {
            return kind == Kind.END ? "the end of the file" : "'" + text + "'";
        }
    }

    /** A parsed R value: numbers or strings with optional dimensions, or a named list. */
    private record Value(double[] numbers, List<String> strings, int[] dimensions, Map<String, Value> list,
            Map<String, Position> listPositions, Position position) {
        boolean isList() {
            return list != null;
        }

        int length() {
            return isList() ? list.size() : strings != null ? strings.size() : numbers.length;
        }
    }

    private final SourceText source;
    private final List<Token> tokens = new ArrayList<>();
    private int cursor;

    private RDumpReader(SourceText source) {
        this.source = source;
        lex();
    }

    /**
     * The variables of an R dump file.
     *
     * @throws org.muster.lang.spi.ModelFileException at the first thing that is not R dump syntax, with
     *     line, column and a caret
     */
    public static DataTable read(SourceText source) {
        return new RDumpReader(source).file();
    }

    private DataTable file() {
        DataTable table = new DataTable();
        if (peek().kind() == Kind.END) {
            return table;
        }
        if (peek().kind() == Kind.NAME && peek().text().equals("list") && peek(1).kind() == Kind.LEFT_PAREN) {
            Value list = value();
            addList(table, list);
            accept(Kind.SEMICOLON);
            if (peek().kind() != Kind.END) {
                throw error(peek(), "expected the end of the file after the list(...) but found " + peek().describe());
            }
            return table;
        }
        while (peek().kind() != Kind.END) {
            if (accept(Kind.SEMICOLON)) {
                continue;
            }
            Token name = advance();
            if (name.kind() != Kind.NAME && name.kind() != Kind.STRING) {
                throw error(name, "expected a variable name (as in \"N\" <- 10) but found " + name.describe());
            }
            Token arrow = advance();
            if (arrow.kind() != Kind.ASSIGN && arrow.kind() != Kind.EQUALS) {
                throw error(arrow, "expected '<-' after '" + name.text() + "' but found " + arrow.describe());
            }
            Value value = value();
            add(table, name.text(), value, name.position());
        }
        return table;
    }

    private void addList(DataTable table, Value list) {
        if (!list.isList()) {
            throw source.error(list.position(), "expected a list of named values");
        }
        for (Map.Entry<String, Value> entry : list.list().entrySet()) {
            if (entry.getKey().startsWith(" ")) {
                throw source.error(entry.getValue().position(), "every member of list(...) needs a name, as in"
                        + " list(N = 10, y = c(1, 2))");
            }
            add(table, entry.getKey(), entry.getValue(), list.listPositions().get(entry.getKey()));
        }
    }

    private void add(DataTable table, String name, Value value, Position position) {
        if (value.isList()) {
            // A data frame or a nested list: its members are the variables.
            addList(table, value);
            return;
        }
        if (value.strings() != null) {
            if (value.strings().size() != 1) {
                throw source.error(value.position(), "'" + name + "' is a vector of strings; data and initial values"
                        + " must be numbers (only .RNG.name is a string)");
            }
            table.add(new DataArray(name, new int[0], new double[0], value.strings().get(0), source, position));
            return;
        }
        int[] dimensions = value.dimensions();
        if (dimensions == null) {
            dimensions = value.numbers().length == 1 ? new int[0] : new int[] {value.numbers().length};
        }
        table.add(DataArray.numeric(name, dimensions, value.numbers(), source, position));
    }

    private Value value() {
        return range(primary());
    }

    private Value primary() {
        Token token = peek();
        switch (token.kind()) {
            case NUMBER -> {
                advance();
                return new Value(new double[] {token.number()}, null, null, null, null, token.position());
            }
            case MINUS, PLUS -> {
                advance();
                Value inner = primary();
                if (inner.numbers() == null || inner.isList()) {
                    throw error(token, "a sign must be followed by a number");
                }
                if (token.kind() == Kind.MINUS) {
                    double[] negated = inner.numbers().clone();
                    for (int i = 0; i < negated.length; i++) {
                        negated[i] = -negated[i];
                    }
                    return new Value(negated, null, inner.dimensions(), null, null, token.position());
                }
                return inner;
            }
            case STRING -> {
                advance();
                return new Value(null, List.of(token.text()), null, null, null, token.position());
            }
            case LEFT_PAREN -> {
                advance();
                Value inner = value();
                expect(Kind.RIGHT_PAREN, "')'");
                return inner;
            }
            case NAME -> {
                advance();
                String name = token.text();
                if (peek().kind() != Kind.LEFT_PAREN) {
                    return constant(token);
                }
                return call(token, name);
            }
            default -> throw error(token, "expected a value (a number, NA, c(...), structure(...) or list(...)) but found "
                    + token.describe());
        }
    }

    private Value constant(Token token) {
        double v = switch (token.text()) {
            case "NA", "NA_integer_", "NA_real_", "NaN" -> Double.NaN;
            case "TRUE", "T" -> 1;
            case "FALSE", "F" -> 0;
            case "Inf" -> Double.POSITIVE_INFINITY;
            default -> {
                if (token.text().equals("NULL")) {
                    yield Double.NaN;
                }
                throw error(token, "unknown value '" + token.text() + "'; expected a number, NA, TRUE, FALSE, c(...),"
                        + " structure(...) or list(...)");
            }
        };
        if (token.text().equals("NULL")) {
            return new Value(new double[0], null, null, null, null, token.position());
        }
        return new Value(new double[] {v}, null, null, null, null, token.position());
    }

    /** {@code a:b} after a value, as R writes integer sequences. */
    private Value range(Value from) {
        if (peek().kind() != Kind.COLON) {
            return from;
        }
        Token colon = advance();
        Value to = primary();
        if (from.numbers() == null || from.numbers().length != 1 || to.numbers() == null || to.numbers().length != 1) {
            throw error(colon, "a range a:b needs a single number on each side");
        }
        double a = from.numbers()[0];
        double b = to.numbers()[0];
        if (a != Math.rint(a) || b != Math.rint(b) || Math.abs(b - a) > 1e8) {
            throw error(colon, "a range a:b needs whole numbers (a million apart at most), got " + a + ":" + b);
        }
        int n = (int) Math.abs(b - a) + 1;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a + (b >= a ? i : -i);
        }
        return new Value(values, null, null, null, null, from.position());
    }

    private Value call(Token token, String name) {
        advance();
        switch (name) {
            case "c" -> {
                Value numbers = plainNumbers(token);
                if (numbers != null) {
                    return numbers;
                }
                List<Value> items = arguments(token, false).values;
                return concatenate(token, items);
            }
            case "list" -> {
                Arguments args = arguments(token, true);
                Map<String, Value> members = new LinkedHashMap<>();
                Map<String, Position> positions = new LinkedHashMap<>();
                for (int i = 0; i < args.values.size(); i++) {
                    // Unnamed members (as in .Dimnames = list(NULL, c("a", "b"))) get a blank name, an error only if read as data.
                    String member = args.names.get(i) == null ? " " + i : args.names.get(i);
                    if (members.put(member, args.values.get(i)) != null) {
                        throw source.error(args.positions.get(i), "'" + member + "' is given twice in this list");
                    }
                    positions.put(member, args.positions.get(i));
                }
                return new Value(null, null, null, members, positions, token.position());
            }
            case "structure" -> {
                Arguments args = arguments(token, true);
                if (args.values.isEmpty() || args.names.get(0) != null) {
                    throw error(token, "structure(...) needs the values first, as in structure(c(1, 2, 3, 4), .Dim = c(2, 2))");
                }
                Value data = args.values.get(0);
                int[] dimensions = null;
                for (int i = 1; i < args.values.size(); i++) {
                    String attribute = args.names.get(i);
                    if (attribute == null) {
                        throw source.error(args.values.get(i).position(), "expected a named attribute such as .Dim = c(2, 3)");
                    }
                    if (attribute.equals(".Dim") || attribute.equals("dim")) {
                        dimensions = dimensions(args.values.get(i), data);
                    }
                }
                if (data.isList()) {
                    return data;
                }
                return new Value(data.numbers(), data.strings(), dimensions, null, null, data.position());
            }
            case "as.integer", "as.double", "as.numeric", "as.vector" -> {
                Arguments args = arguments(token, true);
                if (args.values.size() != 1) {
                    throw error(token, name + "(...) takes one value");
                }
                Value inner = args.values.get(0);
                if (inner.numbers() == null) {
                    throw source.error(inner.position(), name + "(...) needs numbers");
                }
                double[] numbers = inner.numbers().clone();
                if (name.equals("as.integer")) {
                    for (int i = 0; i < numbers.length; i++) {
                        numbers[i] = numbers[i] < 0 ? Math.ceil(numbers[i]) : Math.floor(numbers[i]);
                    }
                }
                return new Value(numbers, null, name.equals("as.vector") ? null : inner.dimensions(), null, null,
                        inner.position());
            }
            case "integer", "numeric", "double" -> {
                Arguments args = arguments(token, true);
                if (args.values.size() != 1 || args.values.get(0).numbers() == null || args.values.get(0).numbers().length != 1) {
                    throw error(token, name + "(n) takes one length");
                }
                int n = (int) args.values.get(0).numbers()[0];
                return new Value(new double[Math.max(0, n)], null, null, null, null, token.position());
            }
            default -> throw error(token, "'" + name + "(...)' is not part of R's dump format; expected c(...),"
                    + " structure(...), list(...) or as.integer(...)");
        }
    }

    private int[] dimensions(Value dim, Value data) {
        if (dim.numbers() == null || dim.numbers().length == 0) {
            throw source.error(dim.position(), ".Dim needs whole numbers, as in .Dim = c(2, 3)");
        }
        int[] dimensions = new int[dim.numbers().length];
        long product = 1;
        for (int i = 0; i < dimensions.length; i++) {
            double d = dim.numbers()[i];
            if (!(d >= 0) || d != Math.rint(d)) {
                throw source.error(dim.position(), ".Dim needs whole numbers, but entry " + (i + 1) + " is " + format(d));
            }
            dimensions[i] = (int) d;
            product *= dimensions[i];
        }
        if (product != data.length()) {
            throw source.error(dim.position(), ".Dim = c(" + join(dimensions) + ") holds " + product + " values but the"
                    + " structure has " + data.length());
        }
        return dimensions;
    }

    private Value concatenate(Token token, List<Value> items) {
        boolean strings = items.stream().anyMatch(v -> v.strings() != null);
        if (strings) {
            List<String> out = new ArrayList<>();
            for (Value item : items) {
                if (item.strings() == null) {
                    throw source.error(item.position(), "c(...) mixes strings and numbers; data must be numbers");
                }
                out.addAll(item.strings());
            }
            return new Value(null, out, null, null, null, token.position());
        }
        int n = 0;
        for (Value item : items) {
            if (item.isList()) {
                throw source.error(item.position(), "c(...) cannot hold a list");
            }
            n += item.numbers().length;
        }
        double[] out = new double[n];
        int k = 0;
        for (Value item : items) {
            System.arraycopy(item.numbers(), 0, out, k, item.numbers().length);
            k += item.numbers().length;
        }
        return new Value(out, null, null, null, null, token.position());
    }

    /**
     * {@code c(...)} of plain numbers, each with an optional sign, as a data vector is mostly written: read in
     * one pass without a value per element. Null, with the cursor where it was, if anything else comes first
     * (then the general path reads the call, with its messages).
     */
    private Value plainNumbers(Token call) {
        int start = cursor;
        double[] out = new double[16];
        int n = 0;
        while (true) {
            Token t = tokens.get(cursor);
            double sign = 1;
            int at = cursor;
            if (t.kind() == Kind.MINUS || t.kind() == Kind.PLUS) {
                sign = t.kind() == Kind.MINUS ? -1 : 1;
                at++;
            }
            if (at + 1 >= tokens.size() || tokens.get(at).kind() != Kind.NUMBER) {
                cursor = start;
                return null;
            }
            Kind after = tokens.get(at + 1).kind();
            if (after != Kind.COMMA && after != Kind.RIGHT_PAREN) {
                cursor = start;
                return null;
            }
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, 2 * n);
            }
            out[n++] = sign * tokens.get(at).number();
            cursor = at + 2;
            if (after == Kind.RIGHT_PAREN) {
                return new Value(n == out.length ? out : java.util.Arrays.copyOf(out, n), null, null, null, null,
                        call.position());
            }
        }
    }

    private static final class Arguments {
        final List<String> names = new ArrayList<>();
        final List<Value> values = new ArrayList<>();
        final List<Position> positions = new ArrayList<>();
    }

    private Arguments arguments(Token call, boolean named) {
        Arguments args = new Arguments();
        if (accept(Kind.RIGHT_PAREN)) {
            return args;
        }
        while (true) {
            String name = null;
            Position position = peek().position();
            if ((peek().kind() == Kind.NAME || peek().kind() == Kind.STRING) && peek(1).kind() == Kind.EQUALS) {
                name = advance().text();
                advance();
            }
            if (name != null && !named) {
                name = null;
            }
            args.names.add(name);
            args.values.add(value());
            args.positions.add(position);
            if (accept(Kind.COMMA)) {
                continue;
            }
            Token close = advance();
            if (close.kind() != Kind.RIGHT_PAREN) {
                throw error(close, "expected ',' or ')' in " + call.text() + "(...) but found " + close.describe());
            }
            return args;
        }
    }

    // ---- lexing ----

    private void lex() {
        String text = source.text();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            int start = i;
            if (c == '"' || c == '\'' || c == '`') {
                StringBuilder s = new StringBuilder();
                i++;
                while (i < text.length() && text.charAt(i) != c) {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    s.append(text.charAt(i));
                    i++;
                }
                if (i >= text.length()) {
                    throw source.error(source.position(start, 1), "this string is never closed; expected " + c);
                }
                i++;
                tokens.add(new Token(c == '`' ? Kind.NAME : Kind.STRING, s.toString(), 0, source.position(start, i - start)));
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                i = number(text, start);
                continue;
            }
            if (Character.isLetter(c) || c == '.') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.'
                        || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(start, i), 0, source.position(start, i - start)));
                continue;
            }
            Kind kind;
            int length = 1;
            if (c == '<' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                kind = Kind.ASSIGN;
                length = 2;
            } else {
                kind = switch (c) {
                    case '=' -> Kind.EQUALS;
                    case '(' -> Kind.LEFT_PAREN;
                    case ')' -> Kind.RIGHT_PAREN;
                    case ',' -> Kind.COMMA;
                    case ':' -> Kind.COLON;
                    case '-' -> Kind.MINUS;
                    case '+' -> Kind.PLUS;
                    case ';' -> Kind.SEMICOLON;
                    default -> throw source.error(source.position(start, 1), "unexpected character '" + c
                            + "' in R dump data; expected names, numbers, '<-', c(...) or structure(...)");
                };
            }
            i += length;
            tokens.add(new Token(kind, text.substring(start, i), 0, source.position(start, length)));
        }
        tokens.add(new Token(Kind.END, "", 0, source.position(Math.max(0, text.length() - 1), 1)));
    }

    /** Powers of ten that are exact doubles. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * The number in {@code text[start, end)}, as {@link Double#parseDouble} reads it. A plain decimal of at most
     * 15 digits (as data files mostly hold) is its digits as an integer, exact in a double, divided by an exact
     * power of ten: one correctly rounded operation, so the same double (Clinger's fast path); others go to
     * {@code parseDouble}.
     */
    private static double decimal(String text, int start, int end) {
        long digits = 0;
        int count = 0;
        int fraction = -1;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                fraction = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits != 0 || c != '0') {
                    count++;
                }
                digits = 10 * digits + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else {
                return Double.parseDouble(text.substring(start, end));
            }
            if (count > 15) {
                return Double.parseDouble(text.substring(start, end));
            }
        }
        int scale = Math.max(fraction, 0);
        if (scale >= POWERS_OF_TEN.length) {
            return Double.parseDouble(text.substring(start, end));
        }
        return digits / POWERS_OF_TEN[scale];
    }

    private int number(String text, int start) {
        int i = start;
        if (text.startsWith("0x", i) || text.startsWith("0X", i)) {
            i += 2;
            while (i < text.length() && Character.digit(text.charAt(i), 16) >= 0) {
                i++;
            }
            double value = Long.parseLong(text.substring(start + 2, i), 16);
            if (i < text.length() && text.charAt(i) == 'L') {
                i++;
            }
            tokens.add(new Token(Kind.NUMBER, text.substring(start, i), value, source.position(start, i - start)));
            return i;
        }
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int save = i;
            i++;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            if (i < text.length() && Character.isDigit(text.charAt(i))) {
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
            } else {
                i = save;
            }
        }
        double value = decimal(text, start, i);
        if (i < text.length() && text.charAt(i) == 'L') {
            i++;
        }
        if (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
            throw source.error(source.position(start, i - start + 1), "'" + text.substring(start, i + 1)
                    + "' is not a number");
        }
        tokens.add(new Token(Kind.NUMBER, text.substring(start, i), value, source.position(start, i - start)));
        return i;
    }

    // ---- helpers ----

    private Token peek() {
        return tokens.get(cursor);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(cursor + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token t = tokens.get(cursor);
        if (cursor < tokens.size() - 1) {
            cursor++;
        }
        return t;
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            advance();
            return true;
        }
        return false;
    }

    private void expect(Kind kind, String what) {
        Token t = advance();
        if (t.kind() != kind) {
            throw error(t, "expected " + what + " but found " + t.describe());
        }
    }

    private org.muster.lang.spi.ModelFileException error(Token token, String problem) {
        return source.error(token.position(), problem);
    }

    private static String join(int[] values) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return s.toString();
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
