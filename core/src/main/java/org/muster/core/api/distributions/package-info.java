/** Numerical kernels of distributions: normalized log densities, gradients and random draws. */
package org.muster.core.api.distributions;
