package org.muster.lang.internal.compiler;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * The strongly connected components of the relations' "reads from" graph, by Tarjan's algorithm
 * (R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Computing 1(2), 1972), in an
 * order in which every component comes after the ones it reads.
 */
final class StronglyConnected {

    private final List<Relation> relations;
    private final List<BitSet> reads;
    private final int[] index;
    private final int[] low;
    private final boolean[] onStack;
    private final List<Integer> stack = new ArrayList<>();
    private final List<List<Relation>> components = new ArrayList<>();
    private int next;

    /** @param reads for each relation, the positions of the relations it reads */
    StronglyConnected(List<Relation> relations, List<BitSet> reads) {
        this.relations = relations;
        this.reads = reads;
        int n = relations.size();
        index = new int[n];
        low = new int[n];
        onStack = new boolean[n];
        java.util.Arrays.fill(index, -1);
    }

    List<List<Relation>> components() {
        for (int v = 0; v < relations.size(); v++) {
            if (index[v] < 0) {
                visit(v);
            }
        }
        return Collections.unmodifiableList(components);
    }

    private void visit(int v) {
        index[v] = next;
        low[v] = next;
        next++;
        stack.add(v);
        onStack[v] = true;
        BitSet edges = reads.get(v);
        for (int w = edges.nextSetBit(0); w >= 0; w = edges.nextSetBit(w + 1)) {
            if (index[w] < 0) {
                visit(w);
                low[v] = Math.min(low[v], low[w]);
            } else if (onStack[w]) {
                low[v] = Math.min(low[v], index[w]);
            }
        }
        if (low[v] == index[v]) {
            List<Relation> component = new ArrayList<>();
            int w;
            do {
                w = stack.remove(stack.size() - 1);
                onStack[w] = false;
                component.add(relations.get(w));
            } while (w != v);
            component.sort((a, b) -> Integer.compare(a.id, b.id));
            components.add(component);
        }
    }
}
