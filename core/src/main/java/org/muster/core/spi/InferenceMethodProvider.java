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

    /**
     * Creates the method with its options.
     *
     * @throws IllegalArgumentException naming the option, for an unknown option or a bad value
     */
    InferenceMethod create(MethodOptions options);

    /**
     * The options the method takes, each with its type, range, default and help: what {@code muster
     * methods} lists and what the application checks a request against ({@link MethodOptions#check})
     * before anything runs. Empty means the provider does not declare them, and only {@link #create}
     * checks what it is given.
     */
    default java.util.List<MethodOption> options() {
        return java.util.List.of();
    }

    /**
     * How the method, with these options, would treat a model: one line per part of it (for example
     * {@code "mu: slice"}), for a command line's {@code --explain}; empty when the method has nothing to say.
     */
    default java.util.List<String> explain(org.muster.core.api.Model model, MethodOptions options) {
        return java.util.List.of();
    }
}
