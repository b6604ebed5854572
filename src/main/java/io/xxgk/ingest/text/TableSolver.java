package io.xxgk.ingest.text;

import io.xxgk.schema.SumDef;
import io.xxgk.util.UnionFind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The unknowns of a report's tables solved together: each unknown is a row whose numbers could not be
 * placed one way only (digits run together, equal lines collapsed), with the ways that fit the row by
 * itself. Every combination of ways is tried against every relation of the layout whose cells are all
 * known or among the unknowns (column totals, the balance 一+二 = （七）+四, table 四's sums), pruning
 * as soon as one fails, within a time bound. A cell's value is given only where every combination that
 * fits agrees on it; a cell on which they differ stays open with its candidates. Never a value the
 * arithmetic merely allows.
 */
final class TableSolver {

    /** Past this long a table's search stops, and what it has not decided stays open. */
    static final long TIME_BOUND_NANOS = 1_000_000_000L;
    /** Past this many combinations tried, likewise. */
    private static final long MAX_NODES = 5_000_000;

    /** One unknown row: its keys, and the ways that fit it by itself. */
    record Unknown(List<String> keys, List<BigDecimal[]> ways) {
    }

    /**
     * What the search found: whether it ran to its end, how many combinations fit, and for each unknown
     * the value each of its cells has in every fitting combination (null where they differ), and the
     * ways of it that take part in some fitting combination.
     */
    record Solution(boolean complete, long fits, List<BigDecimal[]> agreed, List<List<BigDecimal[]>> used) {
    }

    private final Map<String, BigDecimal> known;
    private final List<SumDef> relations;

    TableSolver(Map<String, BigDecimal> known, List<SumDef> relations) {
        this.known = known;
        this.relations = relations;
    }

    /**
     * Solves the unknowns group by group: two unknowns are in one group when a relation judged joins
     * them, and groups are independent (a search over all of them at once would multiply for nothing).
     */
    Solution solve(List<Unknown> unknowns) {
        int n = unknowns.size();
        Map<String, Integer> owner = new HashMap<>();
        for (int u = 0; u < n; u++) {
            for (String k : unknowns.get(u).keys()) {
                owner.put(k, u);
            }
        }
        UnionFind group = new UnionFind(n);
        for (SumDef rel : relations) {
            List<Integer> joined = new ArrayList<>();
            boolean judged = true;
            for (String k : cellsOf(rel)) {
                Integer u = owner.get(k);
                if (u == null) {
                    judged &= known.containsKey(k);
                } else {
                    joined.add(u);
                }
            }
            if (judged) {
                for (int u : joined) {
                    group.union(joined.get(0), u);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int u = 0; u < n; u++) {
            groups.computeIfAbsent(group.root(u), g -> new ArrayList<>()).add(u);
        }
        BigDecimal[][] agreed = new BigDecimal[n][];
        List<List<BigDecimal[]>> used = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            used.add(List.of());
        }
        boolean complete = true;
        long fits = 1;
        for (List<Integer> members : groups.values()) {
            List<Unknown> part = members.stream().map(unknowns::get).toList();
            Solution s = solveTogether(part);
            complete &= s.complete();
            // Independent groups multiply (saturating: only zero, one or many matter).
            fits = s.fits() == 0 || fits == 0 ? 0 : Math.min(fits * Math.min(s.fits(), 1L << 20), 1L << 40);
            for (int i = 0; i < members.size(); i++) {
                agreed[members.get(i)] = s.agreed().get(i);
                used.set(members.get(i), s.used().get(i));
            }
        }
        return new Solution(complete, fits, Arrays.asList(agreed), used);
    }

    /** One group of unknowns joined by relations, searched together. */
    private Solution solveTogether(List<Unknown> unknowns) {
        int n = unknowns.size();
        // Fewest ways first: the search prunes sooner.
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> unknowns.get(i).ways().size()));
        Map<String, int[]> where = new HashMap<>(); // key → {unknown, position}
        for (int u = 0; u < n; u++) {
            List<String> keys = unknowns.get(u).keys();
            for (int k = 0; k < keys.size(); k++) {
                where.put(keys.get(k), new int[] {u, k});
            }
        }
        int[] depthOf = new int[n];
        for (int d = 0; d < n; d++) {
            depthOf[order[d]] = d;
        }
        // Each relation judged once all its unknowns are chosen: at the depth of the last of them.
        List<List<SumDef>> checkAt = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            checkAt.add(new ArrayList<>());
        }
        for (SumDef rel : relations) {
            int last = -1;
            boolean all = true;
            boolean inOne = true;
            int first = -2;
            for (String k : cellsOf(rel)) {
                int[] w = where.get(k);
                if (w == null) {
                    all &= known.containsKey(k);
                    inOne = false;
                } else {
                    last = Math.max(last, depthOf[w[0]]);
                    if (first == -2) {
                        first = w[0];
                    } else if (first != w[0]) {
                        inOne = false;
                    }
                }
            }
            // Relations within one unknown row already hold for each of its ways.
            if (all && last >= 0 && !inOne) {
                checkAt.get(last).add(rel);
            }
        }
        BigDecimal[][] chosen = new BigDecimal[n][];
        BigDecimal[][] agreed = new BigDecimal[n][];
        boolean[][] differ = new boolean[n][];
        List<boolean[]> usedWays = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            agreed[u] = new BigDecimal[unknowns.get(u).keys().size()];
            differ[u] = new boolean[unknowns.get(u).keys().size()];
            usedWays.add(new boolean[unknowns.get(u).ways().size()]);
        }
        int[] wayIndex = new int[n];
        long[] counters = {0, 0}; // nodes, fits
        long deadline = System.nanoTime() + TIME_BOUND_NANOS;
        boolean complete = search(0, unknowns, order, checkAt, where, chosen, wayIndex, agreed, differ, usedWays,
                counters, deadline);
        List<BigDecimal[]> outAgreed = new ArrayList<>();
        List<List<BigDecimal[]>> outUsed = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            BigDecimal[] a = new BigDecimal[agreed[u].length];
            for (int k = 0; k < a.length; k++) {
                a[k] = complete && counters[1] > 0 && !differ[u][k] ? agreed[u][k] : null;
            }
            outAgreed.add(a);
            List<BigDecimal[]> used = new ArrayList<>();
            for (int w = 0; w < unknowns.get(u).ways().size(); w++) {
                if (usedWays.get(u)[w]) {
                    used.add(unknowns.get(u).ways().get(w));
                }
            }
            outUsed.add(used);
        }
        return new Solution(complete, counters[1], outAgreed, outUsed);
    }

    private boolean search(int depth, List<Unknown> unknowns, Integer[] order, List<List<SumDef>> checkAt,
                           Map<String, int[]> where, BigDecimal[][] chosen, int[] wayIndex, BigDecimal[][] agreed,
                           boolean[][] differ, List<boolean[]> usedWays, long[] counters, long deadline) {
        if (depth == order.length) {
            counters[1]++;
            for (int u = 0; u < chosen.length; u++) {
                usedWays.get(u)[wayIndex[u]] = true;
                for (int k = 0; k < chosen[u].length; k++) {
                    if (agreed[u][k] == null) {
                        agreed[u][k] = chosen[u][k];
                    } else if (agreed[u][k].compareTo(chosen[u][k]) != 0) {
                        differ[u][k] = true;
                    }
                }
            }
            return true;
        }
        int u = order[depth];
        List<BigDecimal[]> ways = unknowns.get(u).ways();
        for (int w = 0; w < ways.size(); w++) {
            if (++counters[0] > MAX_NODES || (counters[0] & 1023) == 0 && System.nanoTime() > deadline) {
                return false;
            }
            chosen[u] = ways.get(w);
            wayIndex[u] = w;
            if (holds(checkAt.get(depth), where, chosen)
                    && !search(depth + 1, unknowns, order, checkAt, where, chosen, wayIndex, agreed, differ, usedWays,
                            counters, deadline)) {
                chosen[u] = null;
                return false;
            }
        }
        chosen[u] = null;
        return true;
    }

    private boolean holds(List<SumDef> rels, Map<String, int[]> where, BigDecimal[][] chosen) {
        for (SumDef rel : rels) {
            if (side(rel.left(), where, chosen).compareTo(side(rel.right(), where, chosen)) != 0) {
                return false;
            }
        }
        return true;
    }

    private BigDecimal side(List<String> keys, Map<String, int[]> where, BigDecimal[][] chosen) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String k : keys) {
            int[] w = where.get(k);
            sum = sum.add(w == null ? known.get(k) : chosen[w[0]][w[1]]);
        }
        return sum;
    }

    private static List<String> cellsOf(SumDef rel) {
        List<String> out = new ArrayList<>(rel.left());
        out.addAll(rel.right());
        return out;
    }
}
