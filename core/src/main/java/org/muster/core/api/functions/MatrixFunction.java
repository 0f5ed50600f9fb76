package org.muster.core.api.functions;

import java.util.List;

/**
 * Matrix functions applied to each of n consecutive blocks of row-major matrices: the inverse and the
 * log absolute determinant of K × K blocks (by LU decomposition with partial pivoting, in scratch), the
 * product of r × k blocks with k × c blocks, the transpose of r × c blocks. A single block's result is
 * a scalar (logdet) or has the block's shape.
 */
final class MatrixFunction implements NodeFunction {

    enum Kind { INVERSE, LOG_DETERMINANT, PRODUCT, TRANSPOSE }

    private final Kind kind;
    private final int rows;
    private final int inner;
    private final int columns;

    /**
     * @param rows K for inverse and logdet, r for product and transpose
     * @param inner k for the product; ignored otherwise
     * @param columns c for product and transpose; ignored otherwise
     */
    MatrixFunction(Kind kind, int rows, int inner, int columns) {
        if (rows < 1 || (kind == Kind.PRODUCT && inner < 1) || ((kind == Kind.PRODUCT || kind == Kind.TRANSPOSE)
                && columns < 1)) {
            throw new IllegalArgumentException("matrix dimensions must be positive");
        }
        this.kind = kind;
        this.rows = rows;
        this.inner = kind == Kind.PRODUCT ? inner : rows;
        this.columns = kind == Kind.PRODUCT || kind == Kind.TRANSPOSE ? columns : rows;
    }

    @Override
    public String name() {
        return switch (kind) {
            case INVERSE -> "inverse";
            case LOG_DETERMINANT -> "logdet";
            case PRODUCT -> "%*%";
            case TRANSPOSE -> "t";
        };
    }

    private int inputBlock(int argument) {
        return switch (kind) {
            case PRODUCT -> argument == 0 ? rows * inner : inner * columns;
            case TRANSPOSE -> rows * columns;
            default -> rows * rows;
        };
    }

    private int outputBlock() {
        return switch (kind) {
            case LOG_DETERMINANT -> 1;
            case PRODUCT, TRANSPOSE -> rows * columns;
            default -> rows * rows;
        };
    }

    @Override
    public int[] resultDimensions(List<int[]> arguments) {
        int arity = kind == Kind.PRODUCT ? 2 : 1;
        if (arguments.size() != arity) {
            throw new IllegalArgumentException(name() + " takes " + arity + " argument" + (arity == 1 ? "" : "s"));
        }
        int blocks = -1;
        for (int a = 0; a < arity; a++) {
            int size = Dimensions.size(arguments.get(a));
            if (size % inputBlock(a) != 0) {
                throw new IllegalArgumentException(name() + ": argument " + (a + 1) + " has " + size
                        + " members, not a whole number of " + inputBlock(a) + "-member matrices");
            }
            int n = size / inputBlock(a);
            if (blocks >= 0 && n != blocks) {
                throw new IllegalArgumentException(name() + ": the arguments hold " + blocks + " and " + n + " matrices");
            }
            blocks = n;
        }
        int total = blocks * outputBlock();
        if (blocks == 1 && kind != Kind.LOG_DETERMINANT) {
            int r = kind == Kind.TRANSPOSE ? columns : rows;
            int c = kind == Kind.TRANSPOSE ? rows : columns;
            return r == 1 && c == 1 ? new int[0] : c == 1 ? new int[] {r} : new int[] {r, c};
        }
        return Dimensions.vectorOf(total);
    }

    @Override
    public int scratchSize(int[] argumentSizes, int resultSize) {
        return switch (kind) {
            case INVERSE, LOG_DETERMINANT -> rows * rows + 2 * rows;
            case PRODUCT, TRANSPOSE -> 0;
        };
    }

    @Override
    public void evaluate(double[] v, int[] offsets, int[] sizes, int out, int size, int scratch) {
        int blocks = size / outputBlock();
        for (int b = 0; b < blocks; b++) {
            int a = offsets[0] + b * inputBlock(0);
            int o = out + b * outputBlock();
            switch (kind) {
                case INVERSE -> {
                    boolean regular = decompose(v, a, scratch);
                    int k = rows;
                    for (int j = 0; j < k; j++) {
                        int column = scratch + k * k + k;
                        solveUnit(v, scratch, j, column);
                        for (int i = 0; i < k; i++) {
                            v[o + i * k + j] = regular ? v[column + i] : Double.NaN;
                        }
                    }
                }
                case LOG_DETERMINANT -> {
                    boolean regular = decompose(v, a, scratch);
                    double sum = 0;
                    for (int i = 0; i < rows; i++) {
                        sum += Math.log(Math.abs(v[scratch + i * rows + i]));
                    }
                    v[o] = regular ? sum : Double.NEGATIVE_INFINITY;
                }
                case PRODUCT -> {
                    int m = offsets[1] + b * inputBlock(1);
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < columns; j++) {
                            double s = 0;
                            for (int l = 0; l < inner; l++) {
                                s += v[a + i * inner + l] * v[m + l * columns + j];
                            }
                            v[o + i * columns + j] = s;
                        }
                    }
                }
                case TRANSPOSE -> {
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < columns; j++) {
                            v[o + j * rows + i] = v[a + i * columns + j];
                        }
                    }
                }
            }
        }
    }

    @Override
    public void backward(double[] v, double[] adj, int[] offsets, int[] sizes, int out, int size, int scratch) {
        int blocks = size / outputBlock();
        int k = rows;
        for (int b = 0; b < blocks; b++) {
            int a = offsets[0] + b * inputBlock(0);
            int o = out + b * outputBlock();
            switch (kind) {
                case INVERSE -> {
                    // X = A^-1, dX = -X dA X, so adj(A) = -X^T adj(X) X^T.
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            double s = 0;
                            for (int l = 0; l < k; l++) {
                                s += v[o + l * k + i] * adj[o + l * k + j];
                            }
                            v[scratch + i * k + j] = s;
                        }
                    }
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            double s = 0;
                            for (int l = 0; l < k; l++) {
                                s += v[scratch + i * k + l] * v[o + j * k + l];
                            }
                            adj[a + i * k + j] -= s;
                        }
                    }
                }
                case LOG_DETERMINANT -> {
                    double g = adj[o];
                    if (g == 0 || !decompose(v, a, scratch)) {
                        continue;
                    }
                    // d log|det A| / dA = A^-T: column j of A^-1 gives row j of A^-T.
                    int column = scratch + k * k + k;
                    for (int j = 0; j < k; j++) {
                        solveUnit(v, scratch, j, column);
                        for (int m = 0; m < k; m++) {
                            adj[a + j * k + m] += g * v[column + m];
                        }
                    }
                }
                case PRODUCT -> {
                    int m = offsets[1] + b * inputBlock(1);
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < columns; j++) {
                            double g = adj[o + i * columns + j];
                            if (g == 0) {
                                continue;
                            }
                            for (int l = 0; l < inner; l++) {
                                adj[a + i * inner + l] += g * v[m + l * columns + j];
                                adj[m + l * columns + j] += g * v[a + i * inner + l];
                            }
                        }
                    }
                }
                case TRANSPOSE -> {
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < columns; j++) {
                            adj[a + i * columns + j] += adj[o + j * rows + i];
                        }
                    }
                }
            }
        }
    }

    /**
     * LU decomposition with partial pivoting of the K × K block at {@code a} into scratch (LU at
     * scratch, the pivot rows after it). Returns false if the matrix is singular.
     */
    private boolean decompose(double[] v, int a, int scratch) {
        int k = rows;
        System.arraycopy(v, a, v, scratch, k * k);
        int pivots = scratch + k * k;
        boolean regular = true;
        for (int c = 0; c < k; c++) {
            int pivot = c;
            double best = Math.abs(v[scratch + c * k + c]);
            for (int r = c + 1; r < k; r++) {
                double candidate = Math.abs(v[scratch + r * k + c]);
                if (candidate > best) {
                    best = candidate;
                    pivot = r;
                }
            }
            v[pivots + c] = pivot;
            if (pivot != c) {
                for (int j = 0; j < k; j++) {
                    double t = v[scratch + c * k + j];
                    v[scratch + c * k + j] = v[scratch + pivot * k + j];
                    v[scratch + pivot * k + j] = t;
                }
            }
            double diagonal = v[scratch + c * k + c];
            if (!(best > 0) || !Double.isFinite(best)) {
                regular = false;
                continue;
            }
            for (int r = c + 1; r < k; r++) {
                double factor = v[scratch + r * k + c] / diagonal;
                v[scratch + r * k + c] = factor;
                for (int j = c + 1; j < k; j++) {
                    v[scratch + r * k + j] -= factor * v[scratch + c * k + j];
                }
            }
        }
        return regular;
    }

    /** Solves A y = e_j with the decomposition in scratch, writing y at {@code column}. */
    private void solveUnit(double[] v, int scratch, int j, int column) {
        int k = rows;
        int pivots = scratch + k * k;
        for (int i = 0; i < k; i++) {
            v[column + i] = i == j ? 1 : 0;
        }
        for (int c = 0; c < k; c++) {
            int p = (int) v[pivots + c];
            if (p != c) {
                double t = v[column + c];
                v[column + c] = v[column + p];
                v[column + p] = t;
            }
        }
        for (int i = 0; i < k; i++) {
            double s = v[column + i];
            for (int l = 0; l < i; l++) {
                s -= v[scratch + i * k + l] * v[column + l];
            }
            v[column + i] = s;
        }
        for (int i = k - 1; i >= 0; i--) {
            double s = v[column + i];
            for (int l = i + 1; l < k; l++) {
                s -= v[scratch + i * k + l] * v[column + l];
            }
            v[column + i] = s / v[scratch + i * k + i];
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
