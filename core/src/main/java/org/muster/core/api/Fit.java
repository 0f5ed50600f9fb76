package org.muster.core.api;

/** The result of an inference method: posterior draws, a point estimate or an approximation. */
public interface Fit {

    /** Identifier of the method that produced it, e.g. {@code "mh"}. */
    String methodId();
}
