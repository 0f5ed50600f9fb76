package org.muster.core.spi;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Method-specific options as text key–value pairs (from {@code --param key=value} or code), with typed readers. */
public final class MethodOptions {

    private static final MethodOptions EMPTY = new MethodOptions(Map.of());

    private final Map<String, String> values;

    private MethodOptions(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static MethodOptions empty() {
        return EMPTY;
    }

    public static MethodOptions of(Map<String, String> values) {
        return new MethodOptions(values);
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** @throws IllegalArgumentException naming the first option that is not in {@code known} */
    public void requireKnown(String method, Set<String> known) {
        for (String key : new TreeMap<>(values).keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "' for method " + method + "; known options: "
                        + new java.util.TreeSet<>(known));
            }
        }
    }

    /**
     * Checks these options against what a method declares: every key must be a declared option and every
     * value within its range. Nothing is checked when {@code declared} is empty (a method that does not
     * declare its options checks them in {@link InferenceMethodProvider#create}).
     *
     * @throws IllegalArgumentException naming the first unknown option (with the known ones) or bad value
     */
    public void check(String method, java.util.List<MethodOption> declared) {
        if (declared.isEmpty()) {
            return;
        }
        Map<String, MethodOption> byName = new TreeMap<>();
        for (MethodOption option : declared) {
            byName.put(option.name(), option);
        }
        requireKnown(method, byName.keySet());
        for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
            byName.get(entry.getKey()).check(method, entry.getValue());
        }
    }

    public double getDouble(String key, double defaultValue) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + "=" + v + ": expected a number");
        }
    }

    public int getInt(String key, int defaultValue) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + "=" + v + ": expected an integer");
        }
    }

    public String getString(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    /**
     * A whole number of at least {@code minimum}.
     *
     * @throws IllegalArgumentException naming the option when it is not an integer or is below the minimum
     */
    public int getInt(String key, int defaultValue, int minimum) {
        int value = getInt(key, defaultValue);
        if (value < minimum) {
            throw new IllegalArgumentException("option " + key + " must be at least " + minimum + ", got " + value);
        }
        return value;
    }

    /**
     * A positive, finite number.
     *
     * @throws IllegalArgumentException naming the option when it is not one
     */
    public double getPositive(String key, double defaultValue) {
        double value = getDouble(key, defaultValue);
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("option " + key + " must be positive, got " + value);
        }
        return value;
    }

    /**
     * A yes/no option: {@code true}, {@code 1} or {@code yes}; {@code false}, {@code 0} or {@code no}.
     *
     * @throws IllegalArgumentException naming the option for any other value
     */
    public boolean getBoolean(String key, boolean defaultValue) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException("option " + key + " must be true or false, got '" + v.trim() + "'");
        };
    }
}
