package org.muster.core.api;

import org.muster.core.api.transforms.Transform;

/**
 * A parameter's coordinates in the unconstrained vector: {@code size} of them from {@code offset},
 * mapped to the parameter's {@code parameter.size()} constrained members by {@code transform}.
 *
 * @param parameter the parameter node
 * @param offset index of its first unconstrained coordinate
 * @param size number of unconstrained coordinates (a simplex of K has K-1)
 * @param transform maps the coordinates to constrained values and back
 */
public record UnconstrainedBlock(Node parameter, int offset, int size, Transform transform) {
}
