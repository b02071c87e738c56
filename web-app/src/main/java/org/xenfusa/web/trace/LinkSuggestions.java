package org.xenfusa.web.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.TextLines;
import org.xenfusa.trace.suggest.FunctionSuggester;
import org.xenfusa.trace.suggest.LinkSuggestion;
import org.xenfusa.web.cache.SharedComputations;
import org.xenfusa.web.config.ConfigurationReports;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * The requirement page's "Suggested functions": the library's {@link FunctionSuggester} over a configuration's
 * compiled functions at the snapshot's commit. The Lucene index of a configuration is built on the first request
 * (a few seconds on Xen) and kept for the next ones, a few configurations at most; concurrent requests for one
 * configuration share one build. A suggestion is never coverage: at most a draft link, made by an engineer.
 */
@Service
public class LinkSuggestions {
    public static final int DEFAULT_TOP = 10;
    public static final int MAX_TOP = 50;
    /** Indexes kept (one per snapshot and configuration; a few MB each on Xen, in the heap). */
    static final int INDEXES = 4;

    private final SharedComputations<FunctionSuggester> indexes = new SharedComputations<>(INDEXES);
    private final TraceService traces;
    private final ConfigurationReports reports;
    private final SnapshotTrees trees;

    public LinkSuggestions(TraceService traces, ConfigurationReports reports, SnapshotTrees trees) {
        this.traces = traces;
        this.reports = reports;
        this.trees = trees;
    }

    /** A suggestion with the function's code in this snapshot, and whether it is linked to the requirement already. */
    public record Suggested(LinkSuggestion suggestion, List<String> code, boolean linked) {
    }

    /**
     * The panel: the suggestions, how many functions were searched, and how long this request took to evaluate the
     * configuration, read its compiled code and index it (all 0 when the index was kept from an earlier request) and
     * to search.
     */
    public record Panel(SavedConfiguration configuration, List<Suggested> suggestions, int functions, int files,
            long configurationMillis, long readMillis, long indexMillis, long searchMillis) {
        public boolean built() {
            return configurationMillis + readMillis + indexMillis > 0;
        }
    }

    /**
     * The {@code top} functions of {@code configuration}'s compiled code that best match {@code requirement};
     * {@code linked} are the requirement's code links as "file : function".
     */
    public Panel suggest(long snapshotId, SpecificationItem requirement, long configurationId, int top,
            Set<String> linked) throws InvalidInputException {
        if (top < 1 || top > MAX_TOP) {
            throw new InvalidInputException("the number of suggestions must be from 1 to " + MAX_TOP + ", not " + top);
        }
        Snapshot snapshot = traces.snapshot(snapshotId);
        SavedConfiguration configuration = traces.configuration(configurationId);
        if (!configuration.getRepositoryId().equals(snapshot.getRepository().getId())) {
            throw new InvalidInputException("configuration " + configuration.getName() + " is of another repository than "
                    + snapshot.getRefName());
        }
        String key = snapshot.getCommitSha() + "|" + configuration.getId() + "|" + configuration.getUpdatedAt();
        // how long this request spent evaluating the configuration, reading its code and indexing it (0 when kept)
        long[] took = new long[3];
        FunctionSuggester suggester = indexes.get(key, () -> {
            long t0 = System.nanoTime();
            ConfigurationReport report = reports.report(configuration, snapshot.getCommitSha(), List.of());
            long t1 = System.nanoTime();
            // the tree is read under its lock, the index built without it: other pages wait for the reading only
            List<FunctionSuggester.SourceText> sources = trees.with(snapshot, t -> FunctionSuggester.read(t.index(),
                    report.compiledFiles()));
            long t2 = System.nanoTime();
            FunctionSuggester built = FunctionSuggester.of(sources);
            took[0] = (t1 - t0) / 1_000_000;
            took[1] = (t2 - t1) / 1_000_000;
            took[2] = (System.nanoTime() - t2) / 1_000_000;
            return built;
        });
        long built = System.nanoTime();
        List<LinkSuggestion> found = suggester.suggest(requirement, top);
        long searched = System.nanoTime();
        List<Suggested> out = new ArrayList<>();
        trees.with(snapshot, t -> {
            Map<String, List<String>> files = new HashMap<>();
            for (LinkSuggestion s : found) {
                List<String> lines = files.computeIfAbsent(s.file(),
                        p -> t.tree().read(p).map(TextLines::of).orElse(List.of()));
                List<String> code = lines.subList(Math.min(s.lines().from() - 1, lines.size()),
                        Math.min(s.lines().to(), lines.size()));
                out.add(new Suggested(s, List.copyOf(code), linked.contains(s.file() + " : " + s.function())));
            }
            return null;
        });
        return new Panel(configuration, out, suggester.functions(), suggester.files(), took[0], took[1], took[2],
                (searched - built) / 1_000_000);
    }
}
