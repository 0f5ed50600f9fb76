/** Bijections from unconstrained space to constrained sets, with log-Jacobians and their gradients. */
package org.muster.core.api.transforms;
