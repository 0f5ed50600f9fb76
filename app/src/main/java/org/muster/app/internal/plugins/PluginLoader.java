package org.muster.app.internal.plugins;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import org.muster.app.api.OutputWriter;
import org.muster.core.spi.InferenceMethodProvider;
import org.muster.models.spi.ModelFamily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the plugin jars of a directory, each on its own so that one broken jar (unreadable, a module
 * that does not resolve, a missing class, a provider whose constructor throws) is reported and
 * skipped while the others load.
 *
 * <p>When the application runs as a named module (on the module path, as {@code muster} starts it),
 * each jar becomes a module of its own {@link ModuleLayer}, child of the boot layer: a named module
 * if it has a {@code module-info.class} (its {@code provides} count), else an automatic module (its
 * {@code META-INF/services} count). When the application runs on the class path (as the tests do),
 * there is no {@code org.muster.core} module for a plugin to read, so each jar gets its own
 * {@link URLClassLoader} and its {@code META-INF/services} declare the providers. Either way only
 * providers whose classes come from the jar itself count, never the application's own.
 *
 * <p>A jar is one plugin and must be self-contained: a plugin that needs a library bundles it.
 */
public final class PluginLoader {

    /** The directory searched when no {@code --plugins} is given, relative to the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of("plugins");

    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);

    private PluginLoader() {
    }

    /**
     * Loads every {@code *.jar} of the directory, in file-name order.
     *
     * @param directory the plugins directory; if it does not exist there are no plugins
     * @throws IllegalArgumentException if the directory exists but is not a directory or cannot be listed
     */
    public static Plugins load(Path directory) {
        if (!Files.exists(directory)) {
            return Plugins.none();
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("plugins directory " + directory + " is not a directory");
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.jar")) {
            entries.forEach(jars::add);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list plugins directory " + directory + ": " + e.getMessage(), e);
        }
        jars.sort(null);
        boolean modular = PluginLoader.class.getModule().isNamed()
                && ModuleLayer.boot().findModule("org.muster.core").isPresent();
        List<InferenceMethodProvider> methods = new ArrayList<>();
        List<ModelFamily> families = new ArrayList<>();
        List<OutputWriter> writers = new ArrayList<>();
        Map<ClassLoader, Path> jarsByLoader = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path jar : jars) {
            try {
                Loaded loaded = modular ? loadAsModule(jar) : loadOnClassPath(jar);
                if (loaded.methods().isEmpty() && loaded.families().isEmpty() && loaded.writers().isEmpty()) {
                    problems.add("plugin " + jar + " not loaded: it provides no " + InferenceMethodProvider.class.getName()
                            + ", " + ModelFamily.class.getName() + " or " + OutputWriter.class.getName()
                            + " (declare them with `provides` in module-info.java and in META-INF/services)");
                    if (loaded.loader() instanceof URLClassLoader own) {
                        close(own);
                    }
                    continue;
                }
                methods.addAll(loaded.methods());
                families.addAll(loaded.families());
                writers.addAll(loaded.writers());
                jarsByLoader.put(loaded.loader(), jar);
                LOG.debug("plugin {}: methods {}, families {}", jar, ids(loaded.methods(), InferenceMethodProvider::id),
                        ids(loaded.families(), ModelFamily::id));
            } catch (PluginException e) {
                problems.add("plugin " + jar + " not loaded: " + e.getMessage());
            } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
                problems.add("plugin " + jar + " not loaded: " + reason(e));
            }
        }
        return new Plugins(methods, families, writers, jarsByLoader, problems);
    }

    /** What one jar provides, and the class loader of its classes. */
    private record Loaded(ClassLoader loader, List<InferenceMethodProvider> methods, List<ModelFamily> families,
            List<OutputWriter> writers) {
    }

    private static Loaded loadAsModule(Path jar) throws PluginException {
        checkReadable(jar);
        ModuleFinder finder = ModuleFinder.of(jar);
        Set<ModuleReference> references = finder.findAll();
        if (references.size() != 1) {
            throw new PluginException("expected one module in the jar, found " + references.size());
        }
        String name = references.iterator().next().descriptor().name();
        ModuleLayer boot = ModuleLayer.boot();
        Configuration configuration = boot.configuration().resolve(finder, ModuleFinder.of(), Set.of(name));
        ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, PluginLoader.class.getClassLoader());
        Module module = layer.findModule(name).orElseThrow();
        Predicate<Class<?>> fromJar = type -> type.getModule() == module;
        return new Loaded(module.getClassLoader(),
                providers(ServiceLoader.load(layer, InferenceMethodProvider.class), fromJar),
                providers(ServiceLoader.load(layer, ModelFamily.class), fromJar),
                providers(ServiceLoader.load(layer, OutputWriter.class), fromJar));
    }

    private static Loaded loadOnClassPath(Path jar) throws PluginException {
        checkReadable(jar);
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin " + jar.getFileName(), new java.net.URL[] {jar.toUri().toURL()},
                    PluginLoader.class.getClassLoader());
        } catch (java.net.MalformedURLException e) {
            throw new PluginException("cannot open: " + e.getMessage());
        }
        Predicate<Class<?>> fromJar = type -> type.getClassLoader() == loader;
        try {
            return new Loaded(loader, providers(ServiceLoader.load(InferenceMethodProvider.class, loader), fromJar),
                    providers(ServiceLoader.load(ModelFamily.class, loader), fromJar),
                    providers(ServiceLoader.load(OutputWriter.class, loader), fromJar));
        } catch (PluginException | RuntimeException | ServiceConfigurationError | LinkageError e) {
            close(loader);
            throw e;
        }
    }

    /** Instantiates the providers whose class comes from the jar, checking that each has an id and a description. */
    private static <S> List<S> providers(ServiceLoader<S> loader, Predicate<Class<?>> fromJar) throws PluginException {
        List<S> providers = new ArrayList<>();
        for (ServiceLoader.Provider<S> provider : loader.stream().filter(p -> fromJar.test(p.type())).toList()) {
            S instance = provider.get();
            if (instance instanceof OutputWriter) {
                providers.add(instance);
                continue;
            }
            // Listing calls these for every provider: a plugin that cannot answer them is broken now, not later.
            String id = instance instanceof InferenceMethodProvider m ? m.id()
                    : instance instanceof ModelFamily f ? f.id() : null;
            String description = instance instanceof InferenceMethodProvider m ? m.description()
                    : instance instanceof ModelFamily f ? f.description() : null;
            if (id == null || id.isBlank()) {
                throw new PluginException(provider.type().getName() + " has no id");
            }
            if (description == null) {
                throw new PluginException(provider.type().getName() + " has no description");
            }
            providers.add(instance);
        }
        return providers;
    }

    private static void checkReadable(Path jar) throws PluginException {
        try (JarFile file = new JarFile(jar.toFile())) {
            file.getManifest();
        } catch (IOException e) {
            throw new PluginException("cannot read it as a jar: " + e.getMessage());
        }
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("closing {}", loader.getName(), e);
        }
    }

    private static <T> List<String> ids(List<T> providers, java.util.function.Function<T, String> id) {
        return providers.stream().map(id).toList();
    }

    /** The messages of an error and its causes, each once, e.g. "Provider x could not be instantiated: boom". */
    static String reason(Throwable error) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (t instanceof ServiceConfigurationError && message != null && message.indexOf(": ") > 0) {
                message = message.substring(message.indexOf(": ") + 2); // drop the "service-interface: " prefix
            }
            String part = t instanceof ServiceConfigurationError || t instanceof java.lang.module.FindException
                    || t instanceof java.lang.module.ResolutionException || t instanceof LayerInstantiationException
                    ? message
                    : t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
            if (part != null && parts.stream().noneMatch(p -> p.contains(part))) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? error.getClass().getSimpleName() : String.join(": ", parts);
    }

    /** A reason a jar is not a usable plugin, in words for the user. */
    private static final class PluginException extends Exception {
        private static final long serialVersionUID = 1L;

        PluginException(String message) {
            super(message);
        }
    }
}
