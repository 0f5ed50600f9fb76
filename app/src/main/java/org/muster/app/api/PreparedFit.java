package org.muster.app.api;

import java.util.Objects;
import org.muster.core.spi.InferenceMethod;
import org.muster.core.spi.InferenceMethodProvider;

/**
 * A request whose model, data, method and options have been checked and loaded, ready to fit: every
 * check that can fail before fitting has run, so a caller can create folders and files after this.
 *
 * @param request what was asked
 * @param model the model built on its data
 * @param provider the method's provider
 * @param method the method, created with the request's options
 */
public record PreparedFit(FitRequest request, LoadedModel model, InferenceMethodProvider provider,
        InferenceMethod method) {

    public PreparedFit {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(method, "method");
    }
}
