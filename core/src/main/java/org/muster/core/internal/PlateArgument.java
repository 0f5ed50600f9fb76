package org.muster.core.internal;

/**
 * Where a plate op finds one argument in the value buffer.
 *
 * @param offset first member's slot
 * @param broadcast whether one value serves every member of the plate (a scalar argument)
 * @param needsAdjoint whether the value depends on a parameter, so its adjoint must be accumulated;
 *     adjoints of data are never read
 */
record PlateArgument(int offset, boolean broadcast, boolean needsAdjoint) {
}
