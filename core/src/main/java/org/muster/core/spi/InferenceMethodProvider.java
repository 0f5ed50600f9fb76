package org.muster.core.spi;

/**
 * Entry point of an inference method plugin, found by {@link java.util.ServiceLoader}: declare it with
 * {@code provides org.muster.core.spi.InferenceMethodProvider with ...} in {@code module-info.java}
 * and in {@code META-INF/services} for class-path users.
 */
public interface InferenceMethodProvider {

    /** Short unique identifier used on the command line, e.g. {@code "nuts"}, {@code "mh"}. */
    String id();

    /** One sentence saying what the method does. */
    String description();

    /** Creates the method with its options (unknown options are an error the method reports). */
    InferenceMethod create(MethodOptions options);

    /**
     * How the method, with these options, would treat a model: one line per part of it (for example
     * {@code "mu: slice"}), for a command line's {@code --explain}; empty when the method has nothing to say.
     */
    default java.util.List<String> explain(org.muster.core.api.Model model, MethodOptions options) {
        return java.util.List.of();
    }
}
