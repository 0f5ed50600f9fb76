package org.muster.lang.internal.bugs;

import java.util.List;
import org.muster.lang.internal.text.Position;
import org.muster.lang.internal.text.SourceText;

/** The syntax tree of a BUGS model file: every node carries the position of its text for messages. */
public final class Ast {

    private Ast() {
    }

    /** A parsed model file: optional declarations, the data block's and the model block's statements. */
    public record Program(SourceText source, List<Declaration> declarations, List<Statement> data,
            List<Statement> model) {
        public Program {
            declarations = List.copyOf(declarations);
            data = List.copyOf(data);
            model = List.copyOf(model);
        }
    }

    /** {@code var x[N, 2]} declares a variable's dimensions (empty for a scalar). */
    public record Declaration(String name, List<Expression> dimensions, Position position) {
    }

    /** An expression. */
    public sealed interface Expression permits Literal, VariableReference, FunctionCall, BinaryOperation,
            UnaryOperation {
        /** The span of its text (on its first line). */
        Position position();
    }

    public record Literal(double value, Position position) implements Expression {
    }

    /**
     * {@code x}, {@code x[i, 2:5]}, {@code x[, j]}: a variable with its index list, or none when there
     * are no brackets.
     *
     * @param indices one per dimension inside the brackets, or null without brackets
     * @param namePosition the name alone
     */
    public record VariableReference(String name, List<Index> indices, Position namePosition, Position position)
            implements Expression {
        public boolean indexed() {
            return indices != null;
        }
    }

    /** What an index position holds: nothing (the whole dimension), one expression, or a range {@code a:b}. */
    public enum IndexKind { ALL, SINGLE, RANGE }

    /**
     * One index of a variable reference.
     *
     * @param lower the index, or the range's start; null for {@link IndexKind#ALL}
     * @param upper the range's end; null unless a range
     */
    public record Index(IndexKind kind, Expression lower, Expression upper, Position position) {
    }

    /** {@code f(a, b)}, also a distribution in a stochastic relation. */
    public record FunctionCall(String name, List<Expression> arguments, Position namePosition, Position position)
            implements Expression {
        public FunctionCall {
            arguments = List.copyOf(arguments);
        }
    }

    /** Binary operators, by their BUGS spelling. */
    public enum BinaryOperator {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), POWER("^"), MATRIX_PRODUCT("%*%"),
        LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">="), EQUAL("=="), NOT_EQUAL("!="),
        AND("&&"), OR("||");

        private final String symbol;

        BinaryOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** @param operatorPosition the operator alone */
    public record BinaryOperation(BinaryOperator operator, Expression left, Expression right, Position operatorPosition,
            Position position) implements Expression {
    }

    public enum UnaryOperator { NEGATE, NOT }

    public record UnaryOperation(UnaryOperator operator, Expression operand, Position position) implements Expression {
    }

    /** A statement of a data or model block. */
    public sealed interface Statement permits ForLoop, DeterministicRelation, StochasticRelation {
        Position position();
    }

    /** {@code for (counter in from:to) { body }}. */
    public record ForLoop(String counter, Position counterPosition, Expression from, Expression to,
            List<Statement> body, Position position) implements Statement {
        public ForLoop {
            body = List.copyOf(body);
        }
    }

    /**
     * {@code target <- value}, or with a link function on the left, {@code logit(p[i]) <- value}.
     *
     * @param link the link's name ({@code logit}, {@code log}, {@code probit}, {@code cloglog}), or null
     */
    public record DeterministicRelation(VariableReference target, String link, Position linkPosition, Expression value,
            Position position) implements Statement {
    }

    /** How a stochastic relation's value is bounded: not, by truncation {@code T(,)} or by BUGS's censoring {@code I(,)}. */
    public enum BoundKind { NONE, TRUNCATION, CENSORING }

    /**
     * {@code target ~ distribution(args) T(lower, upper)}.
     *
     * @param lower the lower bound, or null
     * @param upper the upper bound, or null
     * @param boundsPosition the {@code T(...)} text, or null without bounds
     */
    public record StochasticRelation(VariableReference target, FunctionCall distribution, BoundKind bounds,
            Expression lower, Expression upper, Position boundsPosition, Position position) implements Statement {
    }
}
