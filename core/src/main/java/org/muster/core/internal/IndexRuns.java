package org.muster.core.internal;

/**
 * An index vector cut into runs of equal consecutive entries. Data are often sorted by group, so
 * a gather's reverse sweep can sum each run in registers and add it to its target once, rather
 * than having each member add to the entry the previous member just wrote: a chain of dependent
 * loads and stores that made gathers the slowest loops of the radon model's reverse sweep. For
 * indices in no particular order, adding member by member is faster (radon with its houses
 * shuffled: 21 µs per gradient run by run, 11.6 µs member by member; sorted: 11.3 µs run by run,
 * 13.8 µs member by member), hence {@link #mostlySingletons}.
 */
final class IndexRuns {

    /** Run r covers members {@code starts[r]} to {@code starts[r + 1] - 1}; length runs + 1. */
    private final int[] starts;
    /** The index shared by run r's members. */
    private final int[] targets;

    private IndexRuns(int[] starts, int[] targets) {
        this.starts = starts;
        this.targets = targets;
    }

    /** The runs of {@code index} (not modified, not kept). */
    static IndexRuns of(int[] index) {
        int runs = 0;
        for (int i = 0; i < index.length; i++) {
            if (i == 0 || index[i] != index[i - 1]) {
                runs++;
            }
        }
        int[] starts = new int[runs + 1];
        int[] targets = new int[runs];
        int r = 0;
        for (int i = 0; i < index.length; i++) {
            if (i == 0 || index[i] != index[i - 1]) {
                starts[r] = i;
                targets[r] = index[i];
                r++;
            }
        }
        starts[runs] = index.length;
        return new IndexRuns(starts, targets);
    }

    /**
     * Whether most runs have one member (indices in no particular order): then summing run by run
     * costs more than it saves, and members are best added one by one.
     */
    boolean mostlySingletons() {
        return 2 * targets.length > starts[targets.length];
    }

    int count() {
        return targets.length;
    }

    int start(int run) {
        return starts[run];
    }

    int end(int run) {
        return starts[run + 1];
    }

    int target(int run) {
        return targets[run];
    }
}
