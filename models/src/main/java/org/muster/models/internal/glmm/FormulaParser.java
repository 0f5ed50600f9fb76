package org.muster.models.internal.glmm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.muster.core.api.TextInput;
import org.muster.models.internal.glmm.Formula.GroupTerm;
import org.muster.models.internal.glmm.Formula.Offset;
import org.muster.models.internal.glmm.Formula.Response;
import org.muster.models.internal.glmm.Formula.ResponseKind;
import org.muster.models.internal.glmm.Formula.Term;

/**
 * Parses formulas such as {@code log_radon ~ floor + (1 + floor | county)} by recursive descent (the
 * notation of lme4: Bates, Mächler, Bolker & Walker 2015, §2.1; and of brms for {@code | trials(n)}).
 * {@code a*b} expands to {@code a + b + a:b}; {@code (x | a/b)} to {@code (x | a) + (x | a:b)};
 * {@code offset(col)} and {@code offset(log(col))} add a column with coefficient 1, as in R. A mistake is reported with the character it was found at and a caret under it.
 */
public final class FormulaParser {

    private final String text;
    private final List<Token> tokens;
    private int next;

    private FormulaParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    /**
     * Parses a formula.
     *
     * @throws IllegalArgumentException naming the character where the formula stops making sense and
     *     what was expected there
     */
    public static Formula parse(String text) {
        return new FormulaParser(text).formula();
    }

    /**
     * An error about the formula at a 0-based {@code position}: one line saying what, the formula, and a
     * caret under the character.
     */
    public static IllegalArgumentException error(String text, int position, String message) {
        return error(text, position, message, "");
    }

    /** As {@link #error(String, int, String)}, with {@code detail} after the position ({@code found ')'}). */
    static IllegalArgumentException error(String text, int position, String message, String detail) {
        // a long formula is shown around the position, so the caret stays under it
        int from = text.length() <= TextInput.EXCERPT_LENGTH ? 0 : Math.max(0, position - TextInput.EXCERPT_LENGTH / 2);
        int to = Math.min(text.length(), from + TextInput.EXCERPT_LENGTH);
        String before = from > 0 ? "..." : "";
        String shown = before + text.substring(from, to).replaceAll("\\p{Cntrl}", " ") + (to < text.length() ? "..." : "");
        int caret = before.length() + Math.min(position, to) - from;
        return new IllegalArgumentException("formula \"" + TextInput.excerpt(text) + "\": " + message + " at character "
                + (position + 1) + (detail.isEmpty() ? "" : ", " + detail) + System.lineSeparator() + "  " + shown
                + System.lineSeparator() + "  " + " ".repeat(caret) + "^");
    }

    private enum Kind { NAME, NUMBER, SYMBOL, END }

    private record Token(Kind kind, String text, int position) {

        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        String describe() {
            return kind == Kind.END ? "the end of the formula" : "'" + TextInput.excerpt(text) + "'";
        }
    }

    private List<Token> tokenize(String source) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '.' || c == '_') {
                int start = i;
                while (i < source.length() && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_'
                        || source.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Kind.NAME, source.substring(start, i), start));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < source.length() && (Character.isDigit(source.charAt(i)) || source.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, source.substring(start, i), start));
            } else if (c == '|' && i + 1 < source.length() && source.charAt(i + 1) == '|') {
                out.add(new Token(Kind.SYMBOL, "||", i));
                i += 2;
            } else if ("~+-*:()|,/".indexOf(c) >= 0) {
                out.add(new Token(Kind.SYMBOL, Character.toString(c), i));
                i++;
            } else {
                throw error(source, i, "unexpected character '" + c + "'", "a formula has column names, numbers 0 and 1,"
                        + " and ~ + - * : ( ) | || /");
            }
        }
        out.add(new Token(Kind.END, "", source.length()));
        return out;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        return tokens.get(next++);
    }

    private IllegalArgumentException expected(String what) {
        Token token = peek();
        return error(text, token.position(), "expected " + what, "found " + token.describe());
    }

    private Token expectName(String what) {
        if (peek().kind() != Kind.NAME) {
            throw expected(what);
        }
        return take();
    }

    private void expectSymbol(String symbol, String what) {
        if (!peek().is(symbol)) {
            throw expected(what);
        }
        take();
    }

    private Formula formula() {
        if (peek().kind() == Kind.END) {
            throw expected("a response, e.g. 'y ~ x + (1 | g)'");
        }
        Response response = response();
        expectSymbol("~", "'~' after the response");
        Terms rhs = new Terms();
        List<GroupTerm> groups = new ArrayList<>();
        terms(rhs, groups);
        if (peek().kind() != Kind.END) {
            throw expected("'+', '-' or the end of the formula");
        }
        return new Formula(text, response, rhs.intercept, new ArrayList<>(rhs.terms), groups, rhs.offsets);
    }

    private Response response() {
        Token first = expectName("a response column");
        if (first.text().equals("cbind") && peek().is("(")) {
            take();
            Token successes = expectName("the successes column in cbind(successes, failures)");
            expectSymbol(",", "',' in cbind(successes, failures)");
            Token failures = expectName("the failures column in cbind(successes, failures)");
            expectSymbol(")", "')' to close cbind(successes, failures)");
            return new Response(ResponseKind.CBIND, successes.text(), successes.position(), failures.text(),
                    failures.position());
        }
        if (peek().is("|")) {
            take();
            Token trials = expectName("trials(n) after '|' in the response");
            if (!trials.text().equals("trials")) {
                throw error(text, trials.position(), "expected trials(n) after '|' in the response, found '"
                        + TextInput.excerpt(trials.text()) + "'");
            }
            expectSymbol("(", "'(' after trials");
            Token n = expectName("the trials column in trials(n)");
            expectSymbol(")", "')' to close trials(n)");
            return new Response(ResponseKind.TRIALS, first.text(), first.position(), n.text(), n.position());
        }
        return new Response(ResponseKind.PLAIN, first.text(), first.position(), null, -1);
    }

    /** The population-level (or, inside parentheses, the group-level) terms joined by + and -. */
    private static final class Terms {
        boolean intercept = true;
        final Set<Term> terms = new LinkedHashSet<>();
        final Set<Set<String>> seen = new java.util.HashSet<>();
        final List<Offset> offsets = new ArrayList<>();

        void add(Term term) {
            if (seen.add(new TreeSet<>(term.variables()))) {
                terms.add(term);
            }
        }
    }

    /** terms := term (('+' | '-') term)*; groups may only be given at the top level ({@code groups != null}). */
    private void terms(Terms into, List<GroupTerm> groups) {
        boolean minus = false;
        if (peek().is("-")) {
            take();
            minus = true;
        }
        while (true) {
            term(into, groups, minus);
            if (peek().is("+")) {
                take();
                minus = false;
            } else if (peek().is("-")) {
                take();
                minus = true;
            } else {
                return;
            }
        }
    }

    private void term(Terms into, List<GroupTerm> groups, boolean minus) {
        Token token = peek();
        if (token.kind() == Kind.NUMBER) {
            take();
            if (token.text().equals("1")) {
                into.intercept = !minus;
            } else if (token.text().equals("0") && !minus) {
                into.intercept = false;
            } else {
                throw error(text, token.position(), "expected 1 or 0 (the intercept), found '" + TextInput.excerpt(token.text()) + "'");
            }
            return;
        }
        if (token.is("(")) {
            if (groups == null) {
                throw error(text, token.position(), "expected a term; group-level terms '( ... | g)' cannot be nested");
            }
            if (minus) {
                throw error(text, token.position(), "expected 1 after '-'; only the intercept can be removed");
            }
            take();
            groups.addAll(group());
            return;
        }
        if (token.kind() != Kind.NAME) {
            throw expected(groups == null ? "a term (a column name, 1 or 0)"
                    : "a term (a column name, 1, 0 or a group-level term '(1 | g)')");
        }
        if (minus) {
            throw error(text, token.position(), "expected 1 after '-'; only the intercept can be removed");
        }
        if (token.text().equals("offset") && tokens.get(next + 1).is("(")) {
            if (groups == null) {
                throw error(text, token.position(), "an offset belongs in the population-level part of the formula,"
                        + " not in a group-level term");
            }
            into.offsets.add(offset());
            return;
        }
        for (Term term : product()) {
            into.add(term);
        }
    }

    /** offset := 'offset' '(' (NAME | 'log' '(' NAME ')') ')'. */
    private Offset offset() {
        take();
        take();
        String what = "a column in offset(col) or offset(log(col))";
        Token name = expectName(what);
        if (name.text().equals("log") && peek().is("(")) {
            take();
            Token column = expectName("a column in offset(log(col))");
            expectSymbol(")", "')' to close log(" + column.text() + ") in the offset");
            expectSymbol(")", "')' to close offset(log(" + column.text() + "))");
            return new Offset(column.text(), column.position(), true);
        }
        if (peek().is("(")) {
            throw error(text, name.position(), "expected " + what + ", found the function '"
                    + TextInput.excerpt(name.text()) + "'; only log() is understood inside offset()");
        }
        expectSymbol(")", "')' to close offset(" + name.text() + ")");
        return new Offset(name.text(), name.position(), false);
    }

    /** product := interaction ('*' interaction)*, interaction := NAME (':' NAME)*; expanded into its terms. */
    /** The most factors a*b*...: their product expands to 2^n - 1 terms. */
    static final int MAX_PRODUCT_FACTORS = 10;

    private List<Term> product() {
        List<List<Token>> factors = new ArrayList<>();
        while (true) {
            List<Token> interaction = new ArrayList<>();
            interaction.add(expectName("a column name"));
            while (peek().is(":")) {
                take();
                interaction.add(expectName("a column name after ':'"));
            }
            factors.add(interaction);
            if (!peek().is("*")) {
                break;
            }
            take();
        }
        int count = factors.size();
        if (count > MAX_PRODUCT_FACTORS) {
            throw error(text, factors.get(MAX_PRODUCT_FACTORS).get(0).position(), "a product of more than "
                    + MAX_PRODUCT_FACTORS + " factors with '*'", "it would expand to 2^" + count
                    + " - 1 terms; write the interactions wanted with ':'");
        }
        List<Term> out = new ArrayList<>();
        // every non-empty subset of the factors, smaller interactions first, as R orders a*b*c
        for (int order = 1; order <= count; order++) {
            for (int mask = 1; mask < (1 << count); mask++) {
                if (Integer.bitCount(mask) != order) {
                    continue;
                }
                List<String> variables = new ArrayList<>();
                List<Integer> positions = new ArrayList<>();
                for (int f = 0; f < count; f++) {
                    if ((mask & (1 << f)) != 0) {
                        for (Token t : factors.get(f)) {
                            if (!variables.contains(t.text())) {
                                variables.add(t.text());
                                positions.add(t.position());
                            }
                        }
                    }
                }
                out.add(new Term(variables, positions));
            }
        }
        return out;
    }

    /** After '(': terms ('|' | '||') factor (('/' | ':') NAME)* ')'. */
    private List<GroupTerm> group() {
        Terms inner = new Terms();
        terms(inner, null);
        boolean correlated;
        if (peek().is("|")) {
            correlated = true;
        } else if (peek().is("||")) {
            correlated = false;
        } else {
            throw expected("'|' or '||' before the grouping factor");
        }
        take();
        Token first = expectName("a grouping factor");
        List<List<String>> factors = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> current = new ArrayList<>(List.of(first.text()));
        factors.add(List.copyOf(current));
        positions.add(first.position());
        while (peek().is("/") || peek().is(":")) {
            boolean nested = take().is("/");
            Token name = expectName("a grouping factor after " + (nested ? "'/'" : "':'"));
            current.add(name.text());
            if (nested) {
                factors.add(List.copyOf(current));
                positions.add(name.position());
            } else {
                factors.set(factors.size() - 1, List.copyOf(current));
            }
        }
        expectSymbol(")", "')' to close the group-level term");
        if (!inner.intercept && inner.terms.isEmpty()) {
            throw error(text, first.position(), "the group-level term for this factor has neither an intercept nor a slope");
        }
        List<GroupTerm> out = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            out.add(new GroupTerm(inner.intercept, new ArrayList<>(inner.terms), correlated, factors.get(i),
                    positions.get(i)));
        }
        return out;
    }
}
