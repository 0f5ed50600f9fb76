package org.muster.lang.internal.bugs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.muster.lang.internal.bugs.Ast.BinaryOperator;
import org.muster.lang.internal.bugs.Ast.Expression;
import org.muster.lang.internal.bugs.Ast.Statement;
import org.muster.lang.internal.text.Position;
import org.muster.lang.internal.text.SourceText;

/**
 * A recursive-descent parser of JAGS 4's model language: {@code var} declarations, a {@code data}
 * block and a {@code model} block of relations and (nested) for loops. Operator precedence follows
 * JAGS's grammar, loosest first: {@code ||}, {@code &&}, {@code !}, comparisons (not associative),
 * {@code + -}, {@code * /}, special operators such as {@code %*%}, unary minus, {@code ^} (right
 * associative). Semicolons between relations are optional.
 */
public final class Parser {

    /** Link functions allowed on the left of {@code <-}. */
    public static final Set<String> LINKS = Set.of("logit", "log", "probit", "cloglog");

    private final SourceText source;
    private final List<Token> tokens;
    private int cursor;

    private Parser(SourceText source) {
        this.source = source;
        this.tokens = Lexer.tokens(source);
    }

    /**
     * Parses a model file.
     *
     * @throws org.muster.lang.spi.ModelFileException at the first syntax error, naming what was expected
     */
    public static Ast.Program parse(SourceText source) {
        return new Parser(source).program();
    }

    private Ast.Program program() {
        List<Ast.Declaration> declarations = new ArrayList<>();
        List<Statement> data = List.of();
        List<Statement> model = null;
        if (atName("var")) {
            advance();
            declarations.add(declaration());
            while (accept(Token.Kind.COMMA)) {
                declarations.add(declaration());
            }
            accept(Token.Kind.SEMICOLON);
        }
        while (peek().kind() != Token.Kind.END) {
            Token keyword = peek();
            if (atName("data") && model == null) {
                if (!data.isEmpty()) {
                    throw error(keyword, "a second data block; a file has at most one, before the model block");
                }
                advance();
                data = block("data");
            } else if (atName("model")) {
                if (model != null) {
                    throw error(keyword, "a second model block; a file has one model block");
                }
                advance();
                model = block("model");
            } else {
                throw error(keyword, model == null
                        ? "syntax error: expected 'model {' (or 'data {' before it) but found " + keyword.describe()
                        : "syntax error: nothing may follow the model block, found " + keyword.describe());
            }
        }
        if (model == null) {
            throw error(peek(), "syntax error: the file has no 'model { ... }' block");
        }
        return new Ast.Program(source, declarations, data, model);
    }

    private Ast.Declaration declaration() {
        Token name = expect(Token.Kind.NAME, "a variable name");
        List<Expression> dimensions = new ArrayList<>();
        if (accept(Token.Kind.LEFT_BRACKET)) {
            dimensions.add(expression());
            while (accept(Token.Kind.COMMA)) {
                dimensions.add(expression());
            }
            expect(Token.Kind.RIGHT_BRACKET, "']'");
        }
        return new Ast.Declaration(name.text(), dimensions, name.position());
    }

    private List<Statement> block(String what) {
        expect(Token.Kind.LEFT_BRACE, "'{' after '" + what + "'");
        List<Statement> statements = new ArrayList<>();
        while (!at(Token.Kind.RIGHT_BRACE)) {
            if (at(Token.Kind.END)) {
                throw error(peek(), "syntax error: the " + what + " block is never closed; expected '}'");
            }
            if (accept(Token.Kind.SEMICOLON)) {
                continue;
            }
            statements.add(statement());
        }
        advance();
        return statements;
    }

    private Statement statement() {
        Token first = peek();
        if (atName("for") && peek(1).kind() == Token.Kind.LEFT_PAREN) {
            return forLoop();
        }
        if (first.kind() != Token.Kind.NAME) {
            throw error(first, "syntax error: expected a relation (such as 'y[i] ~ dnorm(mu, tau)') or a for loop"
                    + " but found " + first.describe());
        }
        String link = null;
        Position linkPosition = null;
        Ast.VariableReference target;
        if (peek(1).kind() == Token.Kind.LEFT_PAREN) {
            Token linkToken = advance();
            if (!LINKS.contains(linkToken.text())) {
                throw error(linkToken, "'" + linkToken.text() + "' cannot be on the left of a relation; only a variable"
                        + " or a link function of one (" + String.join(", ", new java.util.TreeSet<>(LINKS)) + ")"
                        + org.muster.lang.internal.text.Suggestions.didYouMean(linkToken.text(), LINKS));
            }
            link = linkToken.text();
            linkPosition = linkToken.position();
            advance();
            target = variable(expect(Token.Kind.NAME, "a variable inside " + link + "(...)"));
            expect(Token.Kind.RIGHT_PAREN, "')'");
        } else {
            target = variable(advance());
        }
        Token arrow = peek();
        if (arrow.kind() == Token.Kind.ASSIGN) {
            advance();
            Expression value = expression();
            accept(Token.Kind.SEMICOLON);
            return new Ast.DeterministicRelation(target, link, linkPosition, value, target.position());
        }
        if (arrow.kind() == Token.Kind.TILDE) {
            if (link != null) {
                throw source.error(linkPosition, "a link function cannot be on the left of '~'; write the"
                        + " stochastic node itself, e.g. 'y[i] ~ dnorm(mu[i], tau)'");
            }
            advance();
            Token name = expect(Token.Kind.NAME, "a distribution such as dnorm(...)");
            if (!at(Token.Kind.LEFT_PAREN)) {
                throw error(peek(), "syntax error: expected '(' after the distribution '" + name.text() + "' but found "
                        + peek().describe());
            }
            Ast.FunctionCall distribution = call(name);
            Ast.BoundKind bounds = Ast.BoundKind.NONE;
            Expression lower = null;
            Expression upper = null;
            Position boundsPosition = null;
            if ((atName("T") || atName("I")) && peek(1).kind() == Token.Kind.LEFT_PAREN) {
                Token bound = advance();
                bounds = bound.text().equals("T") ? Ast.BoundKind.TRUNCATION : Ast.BoundKind.CENSORING;
                advance();
                if (!at(Token.Kind.COMMA)) {
                    lower = expression();
                }
                expect(Token.Kind.COMMA, "',' between the bounds of " + bound.text() + "(lower, upper)");
                if (!at(Token.Kind.RIGHT_PAREN)) {
                    upper = expression();
                }
                Token close = expect(Token.Kind.RIGHT_PAREN, "')'");
                boundsPosition = bound.position().through(close.position());
            }
            accept(Token.Kind.SEMICOLON);
            return new Ast.StochasticRelation(target, distribution, bounds, lower, upper, boundsPosition,
                    target.position());
        }
        throw error(arrow, "syntax error: expected '<-' or '~' after " + source.textAt(target.position())
                + " but found " + arrow.describe());
    }

    private Statement forLoop() {
        Token keyword = advance();
        expect(Token.Kind.LEFT_PAREN, "'(' after 'for'");
        Token counter = expect(Token.Kind.NAME, "the loop counter, as in 'for (i in 1:N)'");
        if (!atName("in")) {
            throw error(peek(), "syntax error: expected 'in' after the loop counter '" + counter.text() + "' but found "
                    + peek().describe());
        }
        advance();
        Expression from = expression();
        expect(Token.Kind.COLON, "':' in the loop range, as in 'for (i in 1:N)'");
        Expression to = expression();
        expect(Token.Kind.RIGHT_PAREN, "')' closing the loop's range");
        List<Statement> body;
        if (at(Token.Kind.LEFT_BRACE)) {
            body = block("for loop's");
        } else {
            body = List.of(statement());
        }
        return new Ast.ForLoop(counter.text(), counter.position(), from, to, body, keyword.position());
    }

    private Ast.VariableReference variable(Token name) {
        if (!at(Token.Kind.LEFT_BRACKET)) {
            return new Ast.VariableReference(name.text(), null, name.position(), name.position());
        }
        advance();
        List<Ast.Index> indices = new ArrayList<>();
        while (true) {
            Token start = peek();
            if (at(Token.Kind.COMMA) || at(Token.Kind.RIGHT_BRACKET)) {
                indices.add(new Ast.Index(Ast.IndexKind.ALL, null, null, start.position()));
            } else {
                Expression lower = expression();
                if (accept(Token.Kind.COLON)) {
                    Expression upper = expression();
                    indices.add(new Ast.Index(Ast.IndexKind.RANGE, lower, upper, lower.position().through(upper.position())));
                } else {
                    indices.add(new Ast.Index(Ast.IndexKind.SINGLE, lower, null, lower.position()));
                }
            }
            if (accept(Token.Kind.COMMA)) {
                continue;
            }
            Token close = expect(Token.Kind.RIGHT_BRACKET, "',' or ']' in the index of '" + name.text() + "'");
            return new Ast.VariableReference(name.text(), indices, name.position(), name.position().through(close.position()));
        }
    }

    private Ast.FunctionCall call(Token name) {
        expect(Token.Kind.LEFT_PAREN, "'('");
        List<Expression> arguments = new ArrayList<>();
        if (!at(Token.Kind.RIGHT_PAREN)) {
            arguments.add(expression());
            while (accept(Token.Kind.COMMA)) {
                arguments.add(expression());
            }
        }
        Token close = expect(Token.Kind.RIGHT_PAREN, "',' or ')' in the arguments of '" + name.text() + "'");
        return new Ast.FunctionCall(name.text(), arguments, name.position(), name.position().through(close.position()));
    }

    // ---- expressions, loosest binding first ----

    private Expression expression() {
        Expression left = conjunction();
        while (at(Token.Kind.OR)) {
            Token op = advance();
            left = binary(BinaryOperator.OR, left, conjunction(), op);
        }
        return left;
    }

    private Expression conjunction() {
        Expression left = negation();
        while (at(Token.Kind.AND)) {
            Token op = advance();
            left = binary(BinaryOperator.AND, left, negation(), op);
        }
        return left;
    }

    private Expression negation() {
        if (at(Token.Kind.NOT)) {
            Token op = advance();
            Expression operand = negation();
            return new Ast.UnaryOperation(Ast.UnaryOperator.NOT, operand, op.position().through(operand.position()));
        }
        return comparison();
    }

    private Expression comparison() {
        Expression left = additive();
        BinaryOperator operator = switch (peek().kind()) {
            case LESS -> BinaryOperator.LESS;
            case LESS_EQUAL -> BinaryOperator.LESS_EQUAL;
            case GREATER -> BinaryOperator.GREATER;
            case GREATER_EQUAL -> BinaryOperator.GREATER_EQUAL;
            case EQUAL -> BinaryOperator.EQUAL;
            case NOT_EQUAL -> BinaryOperator.NOT_EQUAL;
            default -> null;
        };
        if (operator == null) {
            return left;
        }
        Token op = advance();
        Expression result = binary(operator, left, additive(), op);
        switch (peek().kind()) {
            case LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, EQUAL, NOT_EQUAL -> throw error(peek(),
                    "syntax error: comparisons do not chain; put parentheses around one of them");
            default -> {
            }
        }
        return result;
    }

    private Expression additive() {
        Expression left = multiplicative();
        while (at(Token.Kind.PLUS) || at(Token.Kind.MINUS)) {
            Token op = advance();
            left = binary(op.kind() == Token.Kind.PLUS ? BinaryOperator.ADD : BinaryOperator.SUBTRACT, left,
                    multiplicative(), op);
        }
        return left;
    }

    private Expression multiplicative() {
        Expression left = special();
        while (at(Token.Kind.TIMES) || at(Token.Kind.DIVIDE)) {
            Token op = advance();
            left = binary(op.kind() == Token.Kind.TIMES ? BinaryOperator.MULTIPLY : BinaryOperator.DIVIDE, left,
                    special(), op);
        }
        return left;
    }

    private Expression special() {
        Expression left = unary();
        while (at(Token.Kind.SPECIAL)) {
            Token op = advance();
            if (!op.text().equals("%*%")) {
                throw error(op, "unknown operator '" + op.text() + "'; the only special operator is '%*%' (matrix product)");
            }
            left = binary(BinaryOperator.MATRIX_PRODUCT, left, unary(), op);
        }
        return left;
    }

    private Expression unary() {
        if (at(Token.Kind.MINUS)) {
            Token op = advance();
            Expression operand = unary();
            if (operand instanceof Ast.Literal literal) {
                return new Ast.Literal(-literal.value(), op.position().through(operand.position()));
            }
            return new Ast.UnaryOperation(Ast.UnaryOperator.NEGATE, operand, op.position().through(operand.position()));
        }
        if (at(Token.Kind.PLUS)) {
            advance();
            return unary();
        }
        return power();
    }

    private Expression power() {
        Expression base = primary();
        if (at(Token.Kind.POWER)) {
            Token op = advance();
            return binary(BinaryOperator.POWER, base, unary(), op);
        }
        return base;
    }

    private Expression primary() {
        Token token = peek();
        switch (token.kind()) {
            case NUMBER -> {
                advance();
                return new Ast.Literal(token.number(), token.position());
            }
            case NAME -> {
                advance();
                if (at(Token.Kind.LEFT_PAREN)) {
                    return call(token);
                }
                return variable(token);
            }
            case LEFT_PAREN -> {
                advance();
                Expression inner = expression();
                expect(Token.Kind.RIGHT_PAREN, "')'");
                return inner;
            }
            default -> throw error(token, "syntax error: expected an expression (a number, a variable or a function"
                    + " call) but found " + token.describe());
        }
    }

    private Expression binary(BinaryOperator operator, Expression left, Expression right, Token op) {
        return new Ast.BinaryOperation(operator, left, right, op.position(), left.position().through(right.position()));
    }

    // ---- token helpers ----

    private Token peek() {
        return tokens.get(cursor);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(cursor + ahead, tokens.size() - 1));
    }

    private boolean at(Token.Kind kind) {
        return peek().kind() == kind;
    }

    private boolean atName(String name) {
        return peek().kind() == Token.Kind.NAME && peek().text().equals(name);
    }

    private Token advance() {
        Token t = tokens.get(cursor);
        if (cursor < tokens.size() - 1) {
            cursor++;
        }
        return t;
    }

    private boolean accept(Token.Kind kind) {
        if (at(kind)) {
            advance();
            return true;
        }
        return false;
    }

    private Token expect(Token.Kind kind, String what) {
        if (!at(kind)) {
            throw error(peek(), "syntax error: expected " + what + " but found " + peek().describe());
        }
        return advance();
    }

    private org.muster.lang.spi.ModelFileException error(Token at, String problem) {
        return source.error(at.position(), problem);
    }
}
