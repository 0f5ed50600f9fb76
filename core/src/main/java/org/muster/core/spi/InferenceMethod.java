package org.muster.core.spi;

import org.muster.core.api.Fit;
import org.muster.core.api.Model;

/** An inference method configured with its options, ready to fit models. */
public interface InferenceMethod {

    /**
     * Fits a model.
     *
     * @param listener receives progress and may cancel; a cancelled run returns what it has
     * @throws IllegalArgumentException if the model does not suit the method (naming why)
     */
    Fit fit(Model model, RunConfig config, FitListener listener);
}
