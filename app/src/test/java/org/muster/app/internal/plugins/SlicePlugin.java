package org.muster.app.internal.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.muster.core.spi.InferenceMethodProvider;

/**
 * A sampler plugin written the way a third party would, against the chain SPI alone: coordinate-wise
 * slice sampling ({@code org.example.slice}, method {@code slice}), whose sources are test resources
 * under {@code plugins/slice}, compiled into a jar here so that its classes are not on the test class
 * path and can only come from the jar.
 */
public final class SlicePlugin {

    private static final List<String> CLASSES = List.of("org.example.slice.SliceSampler",
            "org.example.slice.SliceSamplerProvider");
    private static final String PROVIDER = "org.example.slice.SliceSamplerProvider";

    private SlicePlugin() {
    }

    /** Compiles the plugin into {@code jar}, declaring its provider in {@code META-INF/services}. */
    public static Path jar(Path jar) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : CLASSES) {
            String resource = "/plugins/slice/" + name.replace('.', '/') + ".java";
            try (InputStream in = SlicePlugin.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + resource);
                }
                sources.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return PluginFixtures.jar(jar, sources, Map.of(InferenceMethodProvider.class.getName(), List.of(PROVIDER)),
                Set.of());
    }

    /** The plugin's provider, loaded from a jar built in a fresh temporary directory with its own class loader. */
    public static InferenceMethodProvider provider() {
        try {
            Path dir = Files.createTempDirectory("slice-plugin");
            Path built = jar(dir.resolve("slice.jar"));
            URLClassLoader loader = new URLClassLoader("slice plugin", new java.net.URL[] {built.toUri().toURL()},
                    SlicePlugin.class.getClassLoader());
            InferenceMethodProvider provider = ServiceLoader.load(InferenceMethodProvider.class, loader).stream()
                    .map(ServiceLoader.Provider::get).filter(p -> p.getClass().getClassLoader() == loader)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no provider in " + built));
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
