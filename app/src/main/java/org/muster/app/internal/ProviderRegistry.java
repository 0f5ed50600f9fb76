package org.muster.app.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Plugins of one kind by id, rejecting two plugins that claim the same id (naming where each came from).
 *
 * @param <T> the plugin interface
 */
public final class ProviderRegistry<T> {

    private final String kind;
    private final Map<String, T> byId = new TreeMap<>();

    ProviderRegistry(String kind, Iterable<T> providers, Function<T, String> id) {
        this.kind = kind;
        for (T provider : providers) {
            T previous = byId.putIfAbsent(id.apply(provider), provider);
            if (previous != null) {
                throw new IllegalStateException("two " + kind + "s claim the id '" + id.apply(provider) + "': "
                        + origin(previous) + " and " + origin(provider));
            }
        }
    }

    private static String origin(Object provider) {
        var source = provider.getClass().getProtectionDomain().getCodeSource();
        String where = source == null ? "unknown location" : String.valueOf(source.getLocation());
        return provider.getClass().getName() + " (" + where + ")";
    }

    /** All plugins, sorted by id. */
    public List<T> all() {
        return List.copyOf(byId.values());
    }

    /** The plugin with this id. @throws IllegalArgumentException listing the ids there are */
    public T require(String id) {
        T provider = byId.get(id);
        if (provider == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + id + "'; available: " + byId.keySet());
        }
        return provider;
    }
}
