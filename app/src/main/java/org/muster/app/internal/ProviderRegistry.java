package org.muster.app.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.muster.app.internal.plugins.Plugins;

/**
 * Plugins of one kind by id. When two claim the same id, the application's own wins over a plugin's
 * and, between plugins, the one from the jar first in file-name order wins; the other is ignored and
 * the clash is kept as a warning naming both classes and the jars they came from.
 *
 * @param <T> the plugin interface
 */
public final class ProviderRegistry<T> {

    private final String kind;
    private final Map<String, T> byId = new TreeMap<>();
    private final List<String> conflicts = new ArrayList<>();

    /**
     * @param providers the application's providers and the plugins', in that order
     * @param plugins tells plugin providers from the application's, and where each came from
     */
    ProviderRegistry(String kind, Iterable<T> providers, Function<T, String> id, Plugins plugins) {
        this.kind = kind;
        for (T provider : providers) {
            String key = id.apply(provider);
            T previous = byId.get(key);
            if (previous == null) {
                byId.put(key, provider);
                continue;
            }
            T kept = plugins.isPlugin(previous) && !plugins.isPlugin(provider) ? provider : previous;
            T ignored = kept == provider ? previous : provider;
            byId.put(key, kept);
            conflicts.add("two " + kind + "s claim the id '" + key + "': " + origin(kept, plugins) + " and "
                    + origin(ignored, plugins) + "; using the first, ignoring " + plugins.origin(ignored));
        }
    }

    private static String origin(Object provider, Plugins plugins) {
        return provider.getClass().getName() + " (" + plugins.origin(provider) + ")";
    }

    /** All plugins, sorted by id. */
    public List<T> all() {
        return List.copyOf(byId.values());
    }

    /** One line per id claimed twice, naming what is used and what is ignored; empty when there was no clash. */
    public List<String> conflicts() {
        return List.copyOf(conflicts);
    }

    /** The plugin with this id. @throws IllegalArgumentException listing the ids there are */
    public T require(String id) {
        T provider = byId.get(id);
        if (provider == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + org.muster.core.api.TextInput.excerpt(id) + "'; available: " + byId.keySet());
        }
        return provider;
    }
}
