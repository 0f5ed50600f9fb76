package org.muster.app.internal.plugins;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;
import org.muster.app.api.OutputWriter;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.models.spi.ModelFamily;

/**
 * The providers that plugin jars contributed, the jars they came from, and one line for each jar
 * that could not be loaded. Immutable.
 */
public final class Plugins {

    private static final Plugins NONE = new Plugins(List.of(), List.of(), List.of(), Map.of(), List.of());

    private final List<InferenceMethodProvider> methods;
    private final List<ModelFamily> families;
    private final List<OutputWriter> writers;
    private final Map<ClassLoader, Path> jarsByLoader;
    private final List<String> problems;

    Plugins(List<InferenceMethodProvider> methods, List<ModelFamily> families, List<OutputWriter> writers,
            Map<ClassLoader, Path> jarsByLoader, List<String> problems) {
        this.methods = List.copyOf(methods);
        this.families = List.copyOf(families);
        this.writers = List.copyOf(writers);
        this.jarsByLoader = Map.copyOf(jarsByLoader);
        this.problems = List.copyOf(problems);
    }

    /** No plugins at all. */
    public static Plugins none() {
        return NONE;
    }

    /** The inference methods the plugins provide, in jar-name order. */
    public List<InferenceMethodProvider> methods() {
        return methods;
    }

    /** The model families the plugins provide, in jar-name order. */
    public List<ModelFamily> families() {
        return families;
    }

    /** The output writers the plugins provide, in jar-name order. */
    public List<OutputWriter> writers() {
        return writers;
    }

    /** One line per jar that was not loaded, naming the jar and why (without a {@code muster:} prefix). */
    public List<String> problems() {
        return problems;
    }

    /** Whether this object came from a plugin jar rather than from the application itself. */
    public boolean isPlugin(Object provider) {
        return jarsByLoader.containsKey(provider.getClass().getClassLoader());
    }

    /**
     * Where a provider's class came from, for messages: the plugin jar's path as the plugins directory
     * was given ({@code plugins/x.jar}), else the file name of the application jar that holds it
     * ({@code muster-samplers-0.1.0-SNAPSHOT.jar}), or the class directory when it runs from classes.
     */
    public String origin(Object provider) {
        Path jar = jarsByLoader.get(provider.getClass().getClassLoader());
        if (jar != null) {
            return jar.toString();
        }
        CodeSource source = provider.getClass().getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unknown location";
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            return path.toString().endsWith(".jar") ? String.valueOf(path.getFileName()) : path.toString();
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return String.valueOf(source.getLocation());
        }
    }
}
