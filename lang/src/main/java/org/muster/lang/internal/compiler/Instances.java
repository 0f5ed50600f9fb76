package org.muster.lang.internal.compiler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The instances of a relation, or of part of one, that are evaluated together: how many, and the value
 * of each enclosing loop counter in each of them. Immutable.
 */
final class Instances {

    private final int count;
    private final Map<String, int[]> counters;

    private Instances(int count, Map<String, int[]> counters) {
        this.count = count;
        this.counters = counters;
    }

    /** One instance and no counters: the top level of a block. */
    static Instances single() {
        return new Instances(1, Map.of());
    }

    int count() {
        return count;
    }

    /** Whether a loop counter of this name encloses the relation. */
    boolean hasCounter(String name) {
        return counters.containsKey(name);
    }

    /** Counter {@code name}'s value in each instance (shared, not modified by callers). */
    int[] counter(String name) {
        return counters.get(name);
    }

    java.util.Set<String> counterNames() {
        return counters.keySet();
    }

    /**
     * The instances of a loop nested in these: instance k repeats for counter values {@code from[k]..to[k]}.
     *
     * @param from not modified: one start per instance, or one for all
     * @param to not modified: one end per instance, or one for all
     */
    Instances loop(String counter, int[] from, int[] to) {
        long total = 0;
        for (int k = 0; k < count; k++) {
            int a = from[from.length == 1 ? 0 : k];
            int b = to[to.length == 1 ? 0 : k];
            total += Math.max(0, b - a + 1);
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the loop over " + counter + " has " + total + " iterations");
        }
        int n = (int) total;
        Map<String, int[]> next = new LinkedHashMap<>();
        int[] values = new int[n];
        int[] parent = new int[n];
        int cursor = 0;
        for (int k = 0; k < count; k++) {
            int a = from[from.length == 1 ? 0 : k];
            int b = to[to.length == 1 ? 0 : k];
            for (int v = a; v <= b; v++) {
                values[cursor] = v;
                parent[cursor] = k;
                cursor++;
            }
        }
        for (Map.Entry<String, int[]> e : counters.entrySet()) {
            int[] old = e.getValue();
            int[] expanded = new int[n];
            for (int i = 0; i < n; i++) {
                expanded[i] = old[parent[i]];
            }
            next.put(e.getKey(), expanded);
        }
        next.put(counter, values);
        return new Instances(n, next);
    }

    /**
     * A subset of these instances, in the given order.
     *
     * @param members not modified: 0-based positions among these instances
     */
    Instances subset(int[] members) {
        Map<String, int[]> next = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : counters.entrySet()) {
            int[] old = e.getValue();
            int[] picked = new int[members.length];
            for (int i = 0; i < members.length; i++) {
                picked[i] = old[members[i]];
            }
            next.put(e.getKey(), picked);
        }
        return new Instances(members.length, next);
    }

    /** How instance {@code k} reads in messages: {@code "i = 3, j = 2"}, or empty outside loops. */
    String describe(int k) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, int[]> e : counters.entrySet()) {
            s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append(" = ").append(e.getValue()[k]);
        }
        return s.toString();
    }
}
