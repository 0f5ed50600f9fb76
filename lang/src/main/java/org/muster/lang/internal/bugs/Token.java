package org.muster.lang.internal.bugs;

import org.muster.lang.internal.text.Position;

/**
 * One token of a BUGS model file.
 *
 * @param kind what it is
 * @param text the source text (for a special operator such as {@code %*%}, the whole operator)
 * @param number the value of a number token, else 0
 * @param position where it is
 */
record Token(Kind kind, String text, double number, Position position) {

    enum Kind {
        NAME, NUMBER,
        /** {@code <-} (or {@code =}, which JAGS also accepts for deterministic relations). */
        ASSIGN, TILDE,
        PLUS, MINUS, TIMES, DIVIDE, POWER,
        /** An operator between percent signs, {@code %*%}. */
        SPECIAL,
        LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, EQUAL, NOT_EQUAL, AND, OR, NOT,
        LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, LEFT_BRACE, RIGHT_BRACE,
        COMMA, COLON, SEMICOLON,
        END
    }

    /** How the token reads in a message: {@code 'dnorm'}, or "the end of the file". */
    String describe() {
        return kind == Kind.END ? "the end of the file" : "'" + text + "'";
    }
}
