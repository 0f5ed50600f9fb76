package org.muster.lang.internal.bugs;

import java.util.ArrayList;
import java.util.List;
import org.muster.lang.internal.text.Position;
import org.muster.lang.internal.text.SourceText;

/**
 * Splits a BUGS model file into tokens, skipping white space and comments ({@code #} to the end of
 * the line, {@code /* ... *}{@code /}). Names are a letter followed by letters, digits, dots and
 * underscores, as in JAGS ({@code alpha.c}, {@code sigma_y}); numbers are decimal with an optional
 * exponent ({@code 1.0E-6}, {@code .5}).
 */
final class Lexer {

    private final SourceText source;
    private final String text;
    private int offset;

    private Lexer(SourceText source) {
        this.source = source;
        this.text = source.text();
    }

    /**
     * The tokens of a source, ending with an {@link Token.Kind#END} token.
     *
     * @throws org.muster.lang.spi.ModelFileException at the first character that starts no token, or an
     *     unclosed comment
     */
    static List<Token> tokens(SourceText source) {
        return new Lexer(source).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (offset >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", 0, source.position(Math.max(0, text.length() - 1), 1)));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipSpaceAndComments() {
        while (offset < text.length()) {
            char c = text.charAt(offset);
            if (Character.isWhitespace(c)) {
                offset++;
            } else if (c == '#') {
                while (offset < text.length() && text.charAt(offset) != '\n') {
                    offset++;
                }
            } else if (c == '/' && offset + 1 < text.length() && text.charAt(offset + 1) == '*') {
                int end = text.indexOf("*/", offset + 2);
                if (end < 0) {
                    throw source.error(source.position(offset, 2), "this comment is never closed; expected '*/'");
                }
                offset = end + 2;
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = offset;
        char c = text.charAt(offset);
        if (Character.isLetter(c)) {
            offset++;
            while (offset < text.length() && (Character.isLetterOrDigit(text.charAt(offset))
                    || text.charAt(offset) == '.' || text.charAt(offset) == '_')) {
                offset++;
            }
            return token(Token.Kind.NAME, start);
        }
        if (Character.isDigit(c) || (c == '.' && offset + 1 < text.length() && Character.isDigit(text.charAt(offset + 1)))) {
            return number(start);
        }
        offset++;
        char d = offset < text.length() ? text.charAt(offset) : '\0';
        return switch (c) {
            case '<' -> {
                if (d == '-') {
                    offset++;
                    yield token(Token.Kind.ASSIGN, start);
                }
                if (d == '=') {
                    offset++;
                    yield token(Token.Kind.LESS_EQUAL, start);
                }
                yield token(Token.Kind.LESS, start);
            }
            case '>' -> {
                if (d == '=') {
                    offset++;
                    yield token(Token.Kind.GREATER_EQUAL, start);
                }
                yield token(Token.Kind.GREATER, start);
            }
            case '=' -> {
                if (d == '=') {
                    offset++;
                    yield token(Token.Kind.EQUAL, start);
                }
                yield token(Token.Kind.ASSIGN, start);
            }
            case '!' -> {
                if (d == '=') {
                    offset++;
                    yield token(Token.Kind.NOT_EQUAL, start);
                }
                yield token(Token.Kind.NOT, start);
            }
            case '&' -> {
                if (d == '&') {
                    offset++;
                }
                yield token(Token.Kind.AND, start);
            }
            case '|' -> {
                if (d == '|') {
                    offset++;
                }
                yield token(Token.Kind.OR, start);
            }
            case '%' -> {
                int end = text.indexOf('%', offset);
                int lineEnd = text.indexOf('\n', offset);
                if (end < 0 || (lineEnd >= 0 && lineEnd < end)) {
                    throw source.error(source.position(start, 1), "unexpected '%'; expected an operator such as '%*%'");
                }
                offset = end + 1;
                yield token(Token.Kind.SPECIAL, start);
            }
            case '~' -> token(Token.Kind.TILDE, start);
            case '+' -> token(Token.Kind.PLUS, start);
            case '-' -> token(Token.Kind.MINUS, start);
            case '*' -> token(Token.Kind.TIMES, start);
            case '/' -> token(Token.Kind.DIVIDE, start);
            case '^' -> token(Token.Kind.POWER, start);
            case '(' -> token(Token.Kind.LEFT_PAREN, start);
            case ')' -> token(Token.Kind.RIGHT_PAREN, start);
            case '[' -> token(Token.Kind.LEFT_BRACKET, start);
            case ']' -> token(Token.Kind.RIGHT_BRACKET, start);
            case '{' -> token(Token.Kind.LEFT_BRACE, start);
            case '}' -> token(Token.Kind.RIGHT_BRACE, start);
            case ',' -> token(Token.Kind.COMMA, start);
            case ':' -> token(Token.Kind.COLON, start);
            case ';' -> token(Token.Kind.SEMICOLON, start);
            default -> throw source.error(source.position(start, 1), "unexpected character '" + c
                    + "'; expected a name, a number, an operator or a bracket");
        };
    }

    private Token number(int start) {
        while (offset < text.length() && Character.isDigit(text.charAt(offset))) {
            offset++;
        }
        if (offset < text.length() && text.charAt(offset) == '.') {
            offset++;
            while (offset < text.length() && Character.isDigit(text.charAt(offset))) {
                offset++;
            }
        }
        if (offset < text.length() && (text.charAt(offset) == 'e' || text.charAt(offset) == 'E')) {
            int save = offset;
            offset++;
            if (offset < text.length() && (text.charAt(offset) == '+' || text.charAt(offset) == '-')) {
                offset++;
            }
            if (offset < text.length() && Character.isDigit(text.charAt(offset))) {
                while (offset < text.length() && Character.isDigit(text.charAt(offset))) {
                    offset++;
                }
            } else {
                offset = save;
            }
        }
        String s = text.substring(start, offset);
        if (offset < text.length() && (Character.isLetter(text.charAt(offset)) || text.charAt(offset) == '_')) {
            int end = offset;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.'
                    || text.charAt(end) == '_')) {
                end++;
            }
            throw source.error(source.position(start, end - start), "'" + text.substring(start, end)
                    + "' is not a number or a name; a name starts with a letter");
        }
        return new Token(Token.Kind.NUMBER, s, Double.parseDouble(s), source.position(start, offset - start));
    }

    private Token token(Token.Kind kind, int start) {
        return new Token(kind, text.substring(start, offset), 0, source.position(start, offset - start));
    }
}
