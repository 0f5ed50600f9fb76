package org.muster.app.api;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.muster.core.api.Model;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.models.spi.FamilyModel;
import org.muster.models.spi.ModelFamily;

/**
 * Muster for applications: fit a model from Java without the command line or Guice.
 *
 * <pre>{@code
 * FitOutcome outcome = Muster.fit(model).with("nuts").chains(4).seed(1).run();
 * PosteriorSummary summary = outcome.summary();   // R-hat, ESS, MCSE, warnings
 * }</pre>
 *
 * <p>Inference methods and model families are found with {@link ServiceLoader} on the caller's class
 * path or module path, as the command line finds the built-in ones.
 */
public final class Muster {

    /** The version of Muster, as {@code muster --version} and {@code run.json} give it. */
    public static final String VERSION = "0.1.0";

    /** The name output files give a model built in Java (a family's model carries the family's id). */
    public static final String JAVA_MODEL = "model";

    private Muster() {
    }

    /** A fit of a model built with the graph API; run it with {@link FitRequestBuilder#run()}. */
    public static FitRequestBuilder fit(Model model) {
        return new FitRequestBuilder(new LoadedModel(JAVA_MODEL, "no data", FamilyModel.of(model), Optional.empty()));
    }

    /**
     * A fit of a model family on its built-in dataset (or {@link FitRequestBuilder#data}), with the
     * family's default options (or {@link FitRequestBuilder#familyOptions}): the same request the
     * command line's {@code muster fit FAMILY} makes.
     */
    public static FitRequestBuilder fit(String familyId) {
        family(familyId);
        return new FitRequestBuilder(familyId);
    }

    /**
     * A fit of a model family's model (from {@link ModelFamily#prepare}); the outcome includes the
     * units' shrinkage where the family has units.
     */
    public static FitRequestBuilder fit(FamilyModel model) {
        return new FitRequestBuilder(new LoadedModel(JAVA_MODEL, "given", model, Optional.empty()));
    }

    /**
     * The model family with this id.
     *
     * @throws IllegalArgumentException naming the families there are
     */
    public static ModelFamily family(String id) {
        List<ModelFamily> all = families();
        return all.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown model family '" + id + "'; available: " + all.stream().map(ModelFamily::id).sorted().toList()));
    }

    /** Every model family found by {@link ServiceLoader}. */
    public static List<ModelFamily> families() {
        return ServiceLoader.load(ModelFamily.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** Every inference method found by {@link ServiceLoader}. */
    public static List<InferenceMethodProvider> methods() {
        return ServiceLoader.load(InferenceMethodProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /**
     * The inference method with this id.
     *
     * @throws IllegalArgumentException naming the methods there are
     */
    static InferenceMethodProvider method(String id) {
        List<InferenceMethodProvider> all = methods();
        return all.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown inference method '" + id + "'; available: "
                        + all.stream().map(InferenceMethodProvider::id).sorted().toList()));
    }
}
