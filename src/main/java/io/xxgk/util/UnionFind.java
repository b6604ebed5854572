package io.xxgk.util;

/** Disjoint sets of the numbers 0..n−1, joined pair by pair: which belong together (ruled lines, relations). */
public final class UnionFind {

    private final int[] parent;

    public UnionFind(int n) {
        parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
    }

    /** The set's representative of {@code i} (the same for every member of its set). */
    public int root(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Puts {@code a} and {@code b} in one set. */
    public void union(int a, int b) {
        int ra = root(a);
        int rb = root(b);
        if (ra != rb) {
            parent[ra] = rb;
        }
    }
}
