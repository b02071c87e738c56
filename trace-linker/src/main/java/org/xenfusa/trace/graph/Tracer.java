package org.xenfusa.trace.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xenfusa.trace.spec.ItemStatus;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationItemId;

/**
 * Links items by their covered ids and gives each OFT's verdicts: the link states, shallow and deep
 * coverage, and whether it is a defect. Reimplements OpenFastTrace 4.4's linker and tracer rules;
 * the oracle test holds the two equal. Deep coverage is computed once per strongly connected
 * component instead of by OFT's recursive walk, so it stays linear on large graphs and defined on
 * cycles that do not pass through the item itself (OFT recurses without end there; we say CYCLE).
 * Stateless and thread-safe.
 */
// [impl->dsn~oft-tracer~1]
public final class Tracer {
    private final CoverageRules rules;

    /** OpenFastTrace's rules. */
    public Tracer() {
        this(CoverageRules.OFT);
    }

    /** Which links are wanted and when an item is covered shallow come from {@code rules}. */
    public Tracer(CoverageRules rules) {
        this.rules = java.util.Objects.requireNonNull(rules, "rules");
    }

    public TraceResult trace(List<SpecificationItem> input) {
        return new Run(input, rules).trace();
    }

    /** The state of one tracing run; nodes are item indexes, stale (orphan) ids come after the items. */
    private static final class Run {
        private final CoverageRules rules;
        private final SpecificationItem[] items;
        private final int n;
        private final List<SpecificationItemId> staleIds = new ArrayList<>();
        private final Map<SpecificationItemId, Integer> staleIndex = new HashMap<>();
        @SuppressWarnings("unchecked")
        private final EnumMap<LinkStatus, IntList>[] links;
        private final Set<String>[] coveredTypes;
        private final List<SpecificationItemId>[] covers;
        private final boolean[] duplicated;

        @SuppressWarnings("unchecked")
        Run(List<SpecificationItem> input, CoverageRules rules) {
            this.rules = rules;
            items = input.toArray(SpecificationItem[]::new);
            n = items.length;
            links = new EnumMap[n];
            coveredTypes = new Set[n];
            covers = new List[n];
            duplicated = new boolean[n];
        }

        TraceResult trace() {
            Map<SpecificationItemId, Integer> byId = new HashMap<>(n * 2);
            Map<NameKey, IntList> byName = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                SpecificationItemId id = items[i].id();
                Integer first = byId.putIfAbsent(id, i);
                if (first != null) {
                    // OFT keeps the first item under the id and links it with each later one
                    link(first, i, LinkStatus.DUPLICATE);
                    link(i, first, LinkStatus.DUPLICATE);
                    duplicated[first] = true;
                    duplicated[i] = true;
                }
                byName.computeIfAbsent(new NameKey(id.type(), id.name()), k -> new IntList()).add(i);
            }
            for (int i = 0; i < n; i++) {
                for (SpecificationItemId covered : items[i].covers()) {
                    Integer j = byId.get(covered);
                    if (j != null) {
                        linkMatchingRevision(i, j);
                    } else {
                        link(i, stale(covered), LinkStatus.ORPHANED);
                        IntList sameName = byName.get(new NameKey(covered.type(), covered.name()));
                        if (sameName != null) {
                            for (int k = 0; k < sameName.size; k++) {
                                linkOtherRevision(i, covered, sameName.values[k]);
                            }
                        }
                    }
                }
            }
            DeepCoverage[] deep = deepCoverage();
            List<TracedItem> result = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                result.add(traced(i, deep[i]));
            }
            return new TraceResult(result);
        }

        private void linkMatchingRevision(int covering, int covered) {
            String type = items[covering].type();
            if (rules.wanted(items[covered], type)) {
                if (duplicated[covered]) {
                    link(covering, covered, LinkStatus.AMBIGUOUS);
                } else {
                    link(covering, covered, LinkStatus.COVERS);
                    link(covered, covering, LinkStatus.COVERED_SHALLOW);
                    coveredTypes(covered).add(type);
                }
            } else {
                link(covering, covered, LinkStatus.UNWANTED);
                link(covered, covering, LinkStatus.COVERED_UNWANTED);
            }
        }

        private void linkOtherRevision(int covering, SpecificationItemId covered, int other) {
            int existing = items[other].id().revision();
            if (covered.revision() < existing) {
                link(covering, other, LinkStatus.OUTDATED);
                link(other, covering, LinkStatus.COVERED_OUTDATED);
            } else {
                link(covering, other, LinkStatus.PREDATED);
                link(other, covering, LinkStatus.COVERED_PREDATED);
            }
            // OFT adds the revision found to the covering item's covered ids
            List<SpecificationItemId> c = coversOf(covering);
            if (!c.contains(items[other].id())) {
                c.add(items[other].id());
            }
        }

        private int stale(SpecificationItemId id) {
            return staleIndex.computeIfAbsent(id, k -> {
                staleIds.add(k);
                return n + staleIds.size() - 1;
            });
        }

        private SpecificationItemId idOf(int node) {
            return node < n ? items[node].id() : staleIds.get(node - n);
        }

        private void link(int from, int to, LinkStatus status) {
            EnumMap<LinkStatus, IntList> m = links[from];
            if (m == null) {
                m = new EnumMap<>(LinkStatus.class);
                links[from] = m;
            }
            m.computeIfAbsent(status, s -> new IntList()).add(to);
        }

        private Set<String> coveredTypes(int i) {
            if (coveredTypes[i] == null) {
                coveredTypes[i] = new HashSet<>(4);
            }
            return coveredTypes[i];
        }

        private List<SpecificationItemId> coversOf(int i) {
            if (covers[i] == null) {
                covers[i] = new ArrayList<>(items[i].covers());
            }
            return covers[i];
        }

        private boolean coveredShallow(int i) {
            return rules.coveredShallow(items[i], coveredTypes[i] == null ? Set.of() : coveredTypes[i]);
        }

        private TracedItem traced(int i, DeepCoverage deep) {
            EnumMap<LinkStatus, List<SpecificationItemId>> l = new EnumMap<>(LinkStatus.class);
            boolean bad = false;
            if (links[i] != null) {
                for (Map.Entry<LinkStatus, IntList> e : links[i].entrySet()) {
                    IntList targets = e.getValue();
                    SpecificationItemId[] ids = new SpecificationItemId[targets.size];
                    for (int k = 0; k < targets.size; k++) {
                        ids[k] = idOf(targets.values[k]);
                    }
                    l.put(e.getKey(), Arrays.asList(ids));
                    bad |= e.getKey().isBad();
                }
            }
            SpecificationItem item = items[i];
            List<String> uncovered = rules.uncovered(item, coveredTypes[i] == null ? Set.of() : coveredTypes[i]);
            boolean defect = duplicated[i]
                    || (item.status() != ItemStatus.REJECTED && (bad || deep != DeepCoverage.COVERED));
            return new TracedItem(item, covers[i] == null ? item.covers() : covers[i], l, uncovered.isEmpty(),
                    uncovered, deep, defect);
        }

        /** Incoming neighbours of node i: the items covering it, good or bad. */
        private IntList incoming(int i) {
            IntList all = new IntList();
            if (links[i] != null) {
                links[i].forEach((status, targets) -> {
                    if (status.isIncoming()) {
                        for (int k = 0; k < targets.size; k++) {
                            all.add(targets.values[k]);
                        }
                    }
                });
            }
            return all;
        }

        /**
         * Deep coverage over the graph "covered by": CYCLE when the item lies on (or reaches) a cycle,
         * else UNCOVERED when it or any item reachable from it lacks shallow coverage. Tarjan's
         * algorithm, iterative, emits components after everything they reach, so one pass suffices.
         */
        private DeepCoverage[] deepCoverage() {
            IntList[] edges = new IntList[n];
            for (int i = 0; i < n; i++) {
                edges[i] = incoming(i);
            }
            int[] index = new int[n];
            int[] low = new int[n];
            int[] component = new int[n];
            Arrays.fill(index, -1);
            boolean[] onStack = new boolean[n];
            int[] stack = new int[n];
            int sp = 0;
            int counter = 0;
            List<Boolean> componentBad = new ArrayList<>();
            List<Boolean> componentCycle = new ArrayList<>();
            int[] callNode = new int[n];
            int[] callEdge = new int[n];
            for (int root = 0; root < n; root++) {
                if (index[root] >= 0) {
                    continue;
                }
                int depth = 0;
                callNode[0] = root;
                callEdge[0] = 0;
                index[root] = low[root] = counter++;
                stack[sp++] = root;
                onStack[root] = true;
                while (depth >= 0) {
                    int v = callNode[depth];
                    IntList out = edges[v];
                    if (callEdge[depth] < out.size) {
                        int w = out.values[callEdge[depth]++];
                        if (index[w] < 0) {
                            index[w] = low[w] = counter++;
                            stack[sp++] = w;
                            onStack[w] = true;
                            depth++;
                            callNode[depth] = w;
                            callEdge[depth] = 0;
                        } else if (onStack[w]) {
                            low[v] = Math.min(low[v], index[w]);
                        }
                        continue;
                    }
                    if (low[v] == index[v]) {
                        int c = componentBad.size();
                        int size = 0;
                        int w;
                        do {
                            w = stack[--sp];
                            onStack[w] = false;
                            component[w] = c;
                            size++;
                        } while (w != v);
                        componentBad.add(false);
                        componentCycle.add(size > 1);
                        // members are now final: fold in what they reach
                        boolean bad = false;
                        boolean cycle = size > 1;
                        for (int s = sp; s < sp + size; s++) {
                            int m = stack[s];
                            bad |= !coveredShallow(m);
                            IntList e = edges[m];
                            for (int k = 0; k < e.size; k++) {
                                int t = e.values[k];
                                if (t == m) {
                                    cycle = true;
                                } else if (component[t] != c) {
                                    bad |= componentBad.get(component[t]);
                                    cycle |= componentCycle.get(component[t]);
                                }
                            }
                        }
                        componentBad.set(c, bad);
                        componentCycle.set(c, cycle);
                    }
                    depth--;
                    if (depth >= 0) {
                        int parent = callNode[depth];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                }
            }
            DeepCoverage[] deep = new DeepCoverage[n];
            for (int i = 0; i < n; i++) {
                int c = component[i];
                if (componentCycle.get(c) || (duplicated[i] && reachesOwnId(i, edges))) {
                    deep[i] = DeepCoverage.CYCLE;
                } else {
                    deep[i] = componentBad.get(c) ? DeepCoverage.UNCOVERED : DeepCoverage.COVERED;
                }
            }
            return deep;
        }

        /** OFT compares ids, not items, when it looks for a cycle: a duplicate of the item reached counts. */
        private boolean reachesOwnId(int start, IntList[] edges) {
            SpecificationItemId id = items[start].id();
            BitSet seen = new BitSet(n);
            ArrayDeque<Integer> todo = new ArrayDeque<>();
            todo.add(start);
            while (!todo.isEmpty()) {
                IntList e = edges[todo.poll()];
                for (int k = 0; k < e.size; k++) {
                    int t = e.values[k];
                    if (items[t].id().equals(id)) {
                        return true;
                    }
                    if (!seen.get(t)) {
                        seen.set(t);
                        todo.add(t);
                    }
                }
            }
            return false;
        }
    }

    private record NameKey(String type, String name) {
    }

    /** A growable int array: the graph holds hundreds of thousands of links. */
    private static final class IntList {
        int[] values = new int[2];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }
}
