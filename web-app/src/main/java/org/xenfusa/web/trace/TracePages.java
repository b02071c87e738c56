package org.xenfusa.web.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.trace.Requirement;
import org.xenfusa.model.trace.RequirementRepository;
import org.xenfusa.trace.config.TraceLevel;
import org.xenfusa.trace.function.SourceFunction;
import org.xenfusa.trace.graph.LinkStatus;
import org.xenfusa.trace.graph.TracedItem;
import org.xenfusa.trace.link.ResolvedCodeLink;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationItemId;
import org.xenfusa.trace.spec.TextLines;
import org.xenfusa.trace.report.ConfigurationVerdict;
import org.xenfusa.trace.report.RequirementTrace;
import org.xenfusa.trace.report.TraceReport;
import org.xenfusa.trace.suspect.SuspectLink;
import org.xenfusa.trace.suspect.SuspectLinkAnalysis;
import org.xenfusa.trace.suspect.SuspectReason;
import org.xenfusa.web.errors.NoSuchPageException;
import org.xenfusa.web.platform.InvalidInputException;

/** Puts together what the traceability pages show, so that controllers stay thin and templates only display. */
@Service
public class TracePages {
    private final TraceService traces;
    private final RequirementService requirementService;
    private final RequirementRepository requirements;
    private final SnapshotTrees trees;

    public TracePages(TraceService traces, RequirementService requirementService, RequirementRepository requirements,
            SnapshotTrees trees) {
        this.traces = traces;
        this.requirementService = requirementService;
        this.requirements = requirements;
        this.trees = trees;
    }

    /** A requirement's state in one configuration, in words a page shows. */
    public record ConfigurationState(SavedConfiguration configuration, String coverage, String verification,
            Optional<String> error, String reason) {
        ConfigurationState(SavedConfiguration configuration, String coverage, String verification,
                Optional<String> error) {
            this(configuration, coverage, verification, error, "");
        }

        public String coverageClass() {
            return "cov-" + coverage.replace(' ', '-').replace("/", "");
        }
    }

    /** One row of the browser and the matrix: the traced item, its level and its state per configuration. */
    public record Row(TracedItem item, String level, List<ConfigurationState> states) {
    }

    /** The verdict of an item in a configuration as the trace report gives it; "error" when it could not be computed. */
    static ConfigurationState state(SavedConfiguration c, TracedItem t, Map<String, RequirementTrace> report,
            Map<SavedConfiguration, String> errors) {
        if (errors.containsKey(c)) {
            return new ConfigurationState(c, "error", "", Optional.of(errors.get(c)));
        }
        RequirementTrace r = report.get(t.id().toString());
        ConfigurationVerdict v = r == null ? null : r.configurations().get(c.getName());
        if (v == null) {
            return new ConfigurationState(c, "error", "", Optional.of("not in the trace report"));
        }
        return new ConfigurationState(c, v.verdict().label(),
                v.verification().name().toLowerCase(Locale.ROOT).replace('_', ' '), Optional.empty(), v.reason());
    }

    /** The report's requirements by id, looked up once per row (the first of duplicated ids, as the report gives it). */
    private static Map<String, RequirementTrace> byId(TraceReport report) {
        Map<String, RequirementTrace> out = new java.util.HashMap<>();
        report.requirements().forEach(r -> out.putIfAbsent(r.id(), r));
        return out;
    }

    /** The requirements of the trace with their states, filtered as the browser's form asks. */
    public List<Row> rows(SnapshotTrace trace, List<SavedConfiguration> configurations, Filter filter) {
        Map<SavedConfiguration, String> errors = new LinkedHashMap<>();
        Map<String, RequirementTrace> report = byId(traces.report(trace, configurations, errors));
        List<Row> rows = new ArrayList<>();
        for (TracedItem t : trace.requirements()) {
            List<ConfigurationState> states = new ArrayList<>();
            for (SavedConfiguration c : configurations) {
                states.add(state(c, t, report, errors));
            }
            Row row = new Row(t, TraceLevel.of(t.item().type()).toString(), states);
            if (filter.accepts(row)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Rows of the matrix per page: a page of 30,000 requirements would be tens of megabytes of HTML. */
    public static final int MATRIX_PAGE_SIZE = 200;
    /** Rows of the requirements browser per page (202,000 requirements on one page made 111 MB of HTML). */
    public static final int BROWSER_PAGE_SIZE = 500;

    /**
     * Page {@code page} (from 1) of the requirements {@code filter} accepts, {@code size} at most.
     *
     * @throws NoSuchPageException for a page before the first or after the last
     */
    public RowPage rows(SnapshotTrace trace, List<SavedConfiguration> configurations, Filter filter, int page,
            int size) {
        List<Row> all = rows(trace, configurations, filter);
        int pages = Math.max(1, (all.size() + size - 1) / size);
        if (page < 1 || page > pages) {
            throw new NoSuchPageException("there is no page " + page + " of the requirements of "
                    + trace.snapshot().ref() + " that match these filters: they fill " + pages
                    + " page(s) of at most " + size);
        }
        return new RowPage(all.subList((page - 1) * size, Math.min(all.size(), page * size)), page, size, all.size());
    }

    /** One page of the matrix: at most {@code size} rows, and where they lie among all {@code total}. */
    public record RowPage(List<Row> rows, int page, int size, int total) {
        public int pages() {
            return Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages();
        }

        /** The position (from 1) of the first row of this page among all, 0 when there is none. */
        public int first() {
            return rows.isEmpty() ? 0 : (page - 1) * size + 1;
        }

        public int last() {
            return rows.isEmpty() ? 0 : first() + rows.size() - 1;
        }
    }

    /**
     * Page {@code page} (from 1) of the matrix: the states of only its {@code size} requirements are put together.
     *
     * @throws NoSuchPageException for a page before the first or after the last
     */
    public RowPage page(SnapshotTrace trace, List<SavedConfiguration> configurations, int page, int size) {
        List<TracedItem> all = trace.requirements();
        int pages = Math.max(1, (all.size() + size - 1) / size);
        if (page < 1 || page > pages) {
            throw new NoSuchPageException("there is no page " + page + " of the matrix of "
                    + trace.snapshot().ref() + ": it has " + pages + " page(s) of at most " + size + " requirements");
        }
        Map<SavedConfiguration, String> errors = new LinkedHashMap<>();
        Map<String, RequirementTrace> report = byId(traces.report(trace, configurations, errors));
        List<Row> rows = new ArrayList<>();
        for (TracedItem t : all.subList((page - 1) * size, Math.min(all.size(), page * size))) {
            List<ConfigurationState> states = new ArrayList<>();
            for (SavedConfiguration c : configurations) {
                states.add(state(c, t, report, errors));
            }
            rows.add(new Row(t, TraceLevel.of(t.item().type()).toString(), states));
        }
        return new RowPage(rows, page, size, all.size());
    }

    /** The browser's filters; an empty field accepts everything. */
    public record Filter(String query, String type, String status, String verdict, String state) {
        boolean accepts(Row r) {
            SpecificationItem i = r.item().item();
            String q = query.strip().toLowerCase(Locale.ROOT);
            return (q.isEmpty() || (i.id() + "\n" + i.title() + "\n" + i.description()).toLowerCase(Locale.ROOT).contains(q))
                    && (type.isEmpty() || i.type().equals(type))
                    && (status.isEmpty() || i.status().toString().equals(status))
                    && (verdict.isEmpty() || r.item().verdict().equals(verdict))
                    && (state.isEmpty() || r.states().stream().anyMatch(s -> s.coverage().equals(state)));
        }
    }

    /** A function a requirement is linked to, with its code in this snapshot (empty when it is gone). */
    public record CodeAnchor(WebLink link, Optional<SourceFunction> function, List<String> code) {
    }

    /** A coverage tag in the tree's code, with the function it marks. */
    public record TagAnchor(SpecificationItem tag, Optional<SourceFunction> function, List<String> code) {
    }

    /** A link to or from the item, with OFT's state for it. */
    public record Relation(String id, String status, boolean requirement, String label) {
    }

    /** Everything the requirement page shows. */
    public record RequirementPage(SnapshotTrace trace, String itemId, List<TracedItem> items, List<Requirement> stored,
            List<Relation> up, List<Relation> down, List<CodeAnchor> code, List<TagAnchor> tags, List<WebLink> tests,
            List<ConfigurationState> states, Map<Long, List<RequirementService.Change>> history, boolean linkable) {
    }

    @Transactional(readOnly = true)
    public RequirementPage requirement(long snapshotId, String itemId) throws InvalidInputException {
        SnapshotTrace trace = traces.trace(snapshotId);
        List<TracedItem> items = trace.items(itemId);
        if (items.isEmpty()) {
            throw new TraceService.NotFoundException("no item " + itemId + " in " + trace.snapshot().ref());
        }
        TracedItem t = items.get(0);
        List<Requirement> stored = trace.requirementIds().getOrDefault(itemId, List.of()).stream()
                .map(requirements::findById).flatMap(Optional::stream).toList();
        List<Relation> up = new ArrayList<>();
        List<Relation> down = new ArrayList<>();
        // a link's generated item id means little to a reader: name the function or test instead
        Map<String, String> anchors = new LinkedHashMap<>();
        trace.graph().links().code().forEach(r -> anchors.put(r.item().id().toString(),
                "link to " + r.link().path() + " : " + r.link().function()));
        trace.graph().tagItems().forEach(tag -> anchors.put(tag.id().toString(), "tag at " + tag.location()));
        t.links().forEach((status, ids) -> ids.forEach(id -> {
            Relation r = new Relation(id.toString(), status.toString(), trace.isRequirement(id.toString()),
                    anchors.getOrDefault(id.toString(), ""));
            if (status.isIncoming()) {
                down.add(r);
            } else if (status != LinkStatus.DUPLICATE) {
                up.add(r);
            }
        }));
        Snapshot s = traces.snapshot(snapshotId);
        SpecificationItemId id = t.id();
        List<WebLink> stored0 = trace.links().stream().filter(l -> SpecificationItemId.tryParse(l.requirement())
                .map(r -> r.sameItemAs(id)).orElse(false)).toList();
        Map<Long, ResolvedCodeLink> resolved = new LinkedHashMap<>();
        trace.graph().links().code().forEach(r -> resolved.put((long) r.link().declaredAt().line(), r));
        // draft links are not traced, but their functions are shown all the same
        traces.withOpenTree(trace, linked -> org.xenfusa.trace.link.LinkItems.resolve(
                new org.xenfusa.trace.link.LinkSet(linked.drafts(), List.of(), List.of()), linked.index()).code())
                .forEach(r -> resolved.put((long) r.link().declaredAt().line(), r));
        List<CodeAnchor> code = new ArrayList<>();
        List<TagAnchor> tags = new ArrayList<>();
        trees.with(s, tree -> {
            Map<String, List<String>> files = new LinkedHashMap<>();
            for (WebLink l : stored0) {
                if (l.isCode()) {
                    Optional<SourceFunction> f = Optional.ofNullable(resolved.get(l.id()))
                            .flatMap(r -> r.functions().stream().findFirst());
                    code.add(new CodeAnchor(l, f, f.map(fn -> slice(tree, files, fn)).orElse(List.of())));
                }
            }
            for (SpecificationItem tag : trace.tags(itemId)) {
                Optional<SourceFunction> f = tree.index().at(tag.location().path(), tag.location().line());
                tags.add(new TagAnchor(tag, f, f.map(fn -> slice(tree, files, fn)).orElse(List.of())));
            }
            return null;
        });
        List<SavedConfiguration> configurations = traces.configurations(trace);
        Map<SavedConfiguration, String> errors = new LinkedHashMap<>();
        Map<String, RequirementTrace> report = byId(traces.report(trace, configurations, errors));
        List<ConfigurationState> states = configurations.stream().map(c -> state(c, t, report, errors)).toList();
        Map<Long, List<RequirementService.Change>> history = new LinkedHashMap<>();
        stored.forEach(r -> history.put(r.getId(), requirementService.history(r.getId())));
        TraceLevel level = TraceLevel.of(t.item().type());
        return new RequirementPage(trace, itemId, items, stored, up, down, code, tags,
                stored0.stream().filter(l -> !l.isCode()).toList(), states, history,
                level != TraceLevel.CODE && level != TraceLevel.TEST);
    }

    /** Lines start..end of the function's file (files read once per page). */
    private static List<String> slice(SnapshotTrees.OpenTree tree, Map<String, List<String>> files, SourceFunction f) {
        List<String> lines = files.computeIfAbsent(f.path(), p -> tree.tree().read(p).map(TextLines::of).orElse(List.of()));
        return lines.subList(Math.min(f.startLine() - 1, lines.size()), Math.min(f.endLine(), lines.size()));
    }

    /** The functions of a file of the snapshot, for the link form. */
    public List<SourceFunction> functions(long snapshotId, String path) throws InvalidInputException {
        return trees.with(traces.snapshot(snapshotId), t -> t.index().functions(path));
    }

    /** The C and assembly files of the snapshot, for the link form. */
    public List<String> sourceFiles(long snapshotId) throws InvalidInputException {
        return trees.with(traces.snapshot(snapshotId), t -> t.tree().files().stream().map(f -> f.path())
                .filter(org.xenfusa.trace.function.FunctionParser::handles).toList());
    }

    /** A suspect link with the diff that made it suspect and whether it was reviewed again since. */
    public record Suspect(SuspectLink suspect, Optional<WebLink> link, List<LineDiff.Line> diff, boolean reviewedAgain) {
        public List<String> reasons() {
            return suspect.reasons().stream().map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', ' ')).toList();
        }
    }

    /** The links of the repository that became suspect between two snapshots of it. */
    public List<Suspect> suspects(long beforeId, long afterId) throws InvalidInputException {
        Snapshot earlier = traces.snapshot(beforeId);
        Snapshot later = traces.snapshot(afterId);
        if (!earlier.getRepository().getId().equals(later.getRepository().getId())) {
            // refused before anything is traced: the answer does not depend on the trees
            throw new InvalidInputException("suspect links compare two snapshots of one repository: snapshot "
                    + beforeId + " (" + earlier.getRefName() + ") is of " + earlier.getRepository().getName()
                    + ", snapshot " + afterId + " (" + later.getRefName() + ") of " + later.getRepository().getName()
                    + "; choose an earlier snapshot of " + later.getRepository().getName());
        }
        SnapshotTrace before = traces.trace(beforeId);
        SnapshotTrace after = traces.trace(afterId);
        // every stored link, draft ones too: a draft whose function or requirement changed needs a look before review
        List<org.xenfusa.trace.link.CodeLink> all = new ArrayList<>(after.graph().links().code().stream()
                .map(ResolvedCodeLink::link).toList());
        all.addAll(after.linked().drafts());
        // links whose function is gone from the later snapshot are not resolved there: take them from the earlier one
        java.util.stream.Stream.concat(before.graph().links().code().stream().map(ResolvedCodeLink::link),
                before.linked().drafts().stream())
                .filter(l -> all.stream().noneMatch(a -> a.declaredAt().equals(l.declaredAt()))).forEach(all::add);
        Snapshot sb = traces.snapshot(beforeId);
        Snapshot sa = traces.snapshot(afterId);
        List<SuspectLink> found = trees.with(sb, tb -> {
            try {
                return trees.with(sa, ta -> SuspectLinkAnalysis.compare(all,
                        new SuspectLinkAnalysis.Snapshot(tb.index(), requirementItems(before)),
                        new SuspectLinkAnalysis.Snapshot(ta.index(), requirementItems(after))));
            } catch (InvalidInputException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        List<Suspect> out = new ArrayList<>();
        for (SuspectLink s : found) {
            Optional<WebLink> link = after.storedLink(s.link().declaredAt().line());
            boolean again = link.isPresent() && s.functionAfter().isPresent()
                    && link.get().reviewedHash().equals(Optional.of(s.functionAfter().get().contentHash()))
                    && s.reasons().stream().allMatch(r -> r == SuspectReason.FUNCTION_CHANGED);
            out.add(new Suspect(s, link, LineDiff.of(s.textBefore().orElse(""), s.textAfter().orElse("")), again));
        }
        return out;
    }

    private static List<SpecificationItem> requirementItems(SnapshotTrace trace) {
        return trace.requirements().stream().map(TracedItem::item).toList();
    }
}
