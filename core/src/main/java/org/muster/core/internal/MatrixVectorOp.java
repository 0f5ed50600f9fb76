package org.muster.core.internal;

/** A row-major matrix (rows × columns) times a vector; the matrix's adjoint is skipped when it is data. */
final class MatrixVectorOp extends Op {

    private final int matrix;
    private final int vector;
    private final int out;
    private final int rows;
    private final int columns;
    private final boolean matrixNeedsGradient;

    MatrixVectorOp(String nodeName, int matrix, int vector, int out, int rows, int columns,
            boolean matrixNeedsGradient) {
        super(nodeName);
        this.matrix = matrix;
        this.vector = vector;
        this.out = out;
        this.rows = rows;
        this.columns = columns;
        this.matrixNeedsGradient = matrixNeedsGradient;
    }

    @Override
    double forward(double[] v) {
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            int row = matrix + r * columns;
            for (int c = 0; c < columns; c++) {
                sum += v[row + c] * v[vector + c];
            }
            v[out + r] = sum;
        }
        return 0;
    }

    @Override
    void backward(double[] v, double[] adj, double[] work) {
        for (int r = 0; r < rows; r++) {
            double g = adj[out + r];
            int row = matrix + r * columns;
            for (int c = 0; c < columns; c++) {
                adj[vector + c] += g * v[row + c];
            }
            if (matrixNeedsGradient) {
                for (int c = 0; c < columns; c++) {
                    adj[row + c] += g * v[vector + c];
                }
            }
        }
    }
}
