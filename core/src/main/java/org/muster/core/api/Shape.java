package org.muster.core.api;

import java.util.Objects;

/** The shape of a node's value: a scalar, a vector (a plate of members) or a row-major matrix. */
public final class Shape {

    private static final Shape SCALAR = new Shape(0, 1, 1);

    private final int rank;
    private final int rows;
    private final int columns;

    private Shape(int rank, int rows, int columns) {
        this.rank = rank;
        this.rows = rows;
        this.columns = columns;
    }

    /** A single number. */
    public static Shape scalar() {
        return SCALAR;
    }

    /** A vector of {@code length} members (length at least 1). */
    public static Shape vector(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a vector needs at least one member, got length " + length);
        }
        return new Shape(1, length, 1);
    }

    /** A {@code rows} × {@code columns} matrix stored row-major. */
    public static Shape matrix(int rows, int columns) {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("a matrix needs positive dimensions, got " + rows + " x " + columns);
        }
        return new Shape(2, rows, columns);
    }

    /** 0 for a scalar, 1 for a vector, 2 for a matrix. */
    public int rank() {
        return rank;
    }

    /** Number of scalar members. */
    public int size() {
        return rows * columns;
    }

    /** Rows of a matrix, length of a vector, 1 for a scalar. */
    public int rows() {
        return rows;
    }

    /** Columns of a matrix, 1 otherwise. */
    public int columns() {
        return columns;
    }

    public boolean isScalar() {
        return rank == 0;
    }

    /** The name of member {@code i} (0-based) of a node called {@code name}: {@code theta[1]}, {@code L[2,1]}. */
    public String memberName(String name, int i) {
        return switch (rank) {
            case 0 -> name;
            case 1 -> name + "[" + (i + 1) + "]";
            default -> name + "[" + (i / columns + 1) + "," + (i % columns + 1) + "]";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && s.rank == rank && s.rows == rows && s.columns == columns;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rank, rows, columns);
    }

    @Override
    public String toString() {
        return switch (rank) {
            case 0 -> "scalar";
            case 1 -> "vector[" + rows + "]";
            default -> "matrix[" + rows + "," + columns + "]";
        };
    }
}
