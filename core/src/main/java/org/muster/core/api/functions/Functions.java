package org.muster.core.api.functions;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.muster.core.api.distributions.NormalQuantile;
import org.muster.core.api.distributions.SpecialFunctions;

/**
 * The catalogue of {@link NodeFunction}s: elementwise functions of one argument by name (those BUGS
 * and JAGS have), comparisons, {@code ifelse}, reductions and orderings over blocks of consecutive
 * members, matrix functions over blocks of row-major matrices, and gathering members from several
 * nodes. Apply them with {@code Expressions.apply}.
 */
public final class Functions {

    private static final Map<String, NodeFunction> UNARY = new TreeMap<>();

    static {
        unary("abs", Math::abs, (x, y) -> x > 0 ? 1 : x < 0 ? -1 : 0);
        unary("phi", NormalQuantile::cdf, (x, y) -> NormalQuantile.density(x));
        unary("probit", NormalQuantile::quantile, (x, y) -> 1 / NormalQuantile.density(y));
        unary("logit", x -> Math.log(x / (1 - x)), (x, y) -> 1 / (x * (1 - x)));
        unary("cloglog", x -> Math.log(-Math.log1p(-x)), (x, y) -> -1 / ((1 - x) * Math.log1p(-x)));
        unary("icloglog", x -> -Math.expm1(-Math.exp(x)), (x, y) -> Math.exp(x - Math.exp(x)));
        unary("step", x -> x >= 0 ? 1 : 0, null);
        unary("round", x -> x < 0 ? -Math.round(-x) : (double) Math.round(x), null);
        unary("trunc", x -> x < 0 ? Math.ceil(x) : Math.floor(x), null);
        unary("loggam", SpecialFunctions::logGamma, (x, y) -> SpecialFunctions.digamma(x));
        unary("logfact", x -> SpecialFunctions.logGamma(x + 1), (x, y) -> SpecialFunctions.digamma(x + 1));
        unary("sin", Math::sin, (x, y) -> Math.cos(x));
        unary("cos", Math::cos, (x, y) -> -Math.sin(x));
        unary("tan", Math::tan, (x, y) -> 1 + y * y);
        unary("arcsin", Math::asin, (x, y) -> 1 / Math.sqrt(1 - x * x));
        unary("arccos", Math::acos, (x, y) -> -1 / Math.sqrt(1 - x * x));
        unary("arctan", Math::atan, (x, y) -> 1 / (1 + x * x));
        unary("sinh", Math::sinh, (x, y) -> Math.cosh(x));
        unary("cosh", Math::cosh, (x, y) -> Math.sinh(x));
        unary("tanh", Math::tanh, (x, y) -> 1 - y * y);
    }

    private Functions() {
    }

    private static void unary(String name, Elementwise.Unary.Value value, Elementwise.Unary.Derivative derivative) {
        UNARY.put(name, new Elementwise.Unary(name, value, derivative));
    }

    /** The elementwise function of one argument with this name ({@code abs}, {@code phi}, {@code probit}, ...), if any. */
    public static Optional<NodeFunction> elementwise(String name) {
        return Optional.ofNullable(UNARY.get(name));
    }

    /** The names {@link #elementwise} knows. */
    public static java.util.Set<String> elementwiseNames() {
        return java.util.Collections.unmodifiableSet(UNARY.keySet());
    }

    /** The standard normal distribution function Φ. */
    public static NodeFunction phi() {
        return UNARY.get("phi");
    }

    /** A comparison or logical operator of two arguments, 1 where it holds and 0 where not: {@code < <= > >= == != && ||}. */
    public static NodeFunction test(String operator) {
        return switch (operator) {
            case "<" -> new Elementwise.Test("<", (a, b) -> a < b);
            case "<=" -> new Elementwise.Test("<=", (a, b) -> a <= b);
            case ">" -> new Elementwise.Test(">", (a, b) -> a > b);
            case ">=" -> new Elementwise.Test(">=", (a, b) -> a >= b);
            case "==" -> new Elementwise.Test("==", (a, b) -> a == b);
            case "!=" -> new Elementwise.Test("!=", (a, b) -> a != b);
            case "&&" -> new Elementwise.Test("&&", (a, b) -> a != 0 && b != 0);
            case "||" -> new Elementwise.Test("||", (a, b) -> a != 0 || b != 0);
            default -> throw new IllegalArgumentException("unknown comparison '" + operator + "'");
        };
    }

    /** {@code ifelse(condition, a, b)} member by member. */
    public static NodeFunction ifElse() {
        return new Elementwise.IfElse();
    }

    /** The larger (or smaller) of two arguments member by member. */
    public static NodeFunction extreme(boolean maximum) {
        return new Elementwise.Extreme(maximum);
    }

    /**
     * A reduction of each block of {@code blockSize} consecutive members: {@code sum}, {@code prod},
     * {@code mean}, {@code sd}, {@code max}, {@code min}, or {@code inprod} of two arguments.
     */
    public static NodeFunction reduction(String name, int blockSize) {
        BlockReduction.Kind kind = switch (name.toLowerCase(Locale.ROOT)) {
            case "sum" -> BlockReduction.Kind.SUM;
            case "prod" -> BlockReduction.Kind.PRODUCT;
            case "mean" -> BlockReduction.Kind.MEAN;
            case "sd" -> BlockReduction.Kind.SD;
            case "max" -> BlockReduction.Kind.MAX;
            case "min" -> BlockReduction.Kind.MIN;
            case "inprod" -> BlockReduction.Kind.INNER_PRODUCT;
            default -> throw new IllegalArgumentException("unknown reduction '" + name + "'");
        };
        return new BlockReduction(kind, blockSize);
    }

    /** {@code sort}, {@code rank} or {@code order} within each block of {@code blockSize} members. */
    public static NodeFunction ordering(String name, int blockSize) {
        return new BlockOrder(BlockOrder.Kind.valueOf(name.toUpperCase(Locale.ROOT)), blockSize);
    }

    /** The inverse of each K × K block. */
    public static NodeFunction inverse(int size) {
        return new MatrixFunction(MatrixFunction.Kind.INVERSE, size, 0, 0);
    }

    /** The log absolute determinant of each K × K block. */
    public static NodeFunction logDeterminant(int size) {
        return new MatrixFunction(MatrixFunction.Kind.LOG_DETERMINANT, size, 0, 0);
    }

    /** The product of each r × k row-major block of the first argument with the k × c block of the second. */
    public static NodeFunction matrixProduct(int rows, int inner, int columns) {
        return new MatrixFunction(MatrixFunction.Kind.PRODUCT, rows, inner, columns);
    }

    /** The transpose of each r × c row-major block. */
    public static NodeFunction transpose(int rows, int columns) {
        return new MatrixFunction(MatrixFunction.Kind.TRANSPOSE, rows, 0, columns);
    }

    /**
     * Members picked from several arguments: member {@code i} of the result is member
     * {@code positions[i]} of argument {@code sources[i]} (both 0-based).
     *
     * @param sources not modified (copied)
     * @param positions not modified (copied)
     * @param dimensions the result's dimensions ({@code {}} a scalar, {@code {n}} a vector), of {@code sources.length}
     *     members; not modified
     */
    public static NodeFunction gather(int[] sources, int[] positions, int[] dimensions) {
        return new Gather(sources, positions, dimensions);
    }
}
