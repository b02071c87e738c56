package org.xenfusa.trace.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.function.FunctionParser;
import org.xenfusa.trace.function.SourceFunction;
import org.xenfusa.trace.link.CodeLink;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.TextLines;

/**
 * Ranks the functions of a set of files (a configuration's compiled files) against a requirement with Apache Lucene:
 * one document per function (its name, file path, comments, string literals and body identifiers, as words and as
 * whole identifiers), held in memory ({@link ByteBuffersDirectory}), searched with BM25 and the query
 * {@link RequirementQuery} makes of the requirement's text. The reasons of a suggestion are Lucene's own matches
 * ({@link Weight#matches}). Built once per configuration and snapshot, then searched by any number of threads.
 */
// [impl->dsn~link-suggestions~1]
public final class FunctionSuggester implements AutoCloseable {
    private static final String FILE = "file";
    private static final String FUNCTION = "function";
    private static final String START = "start";
    private static final String END = "end";
    private static final String AMBIGUOUS = "ambiguous";
    private static final String SORT_PATH = "sort_path";
    private static final String SORT_LINE = "sort_line";
    /** Ties broken by file, then line: the same input always gives the same order. */
    private static final Sort ORDER = new Sort(SortField.FIELD_SCORE, new SortField(SORT_PATH, SortField.Type.STRING),
            new SortField(SORT_LINE, SortField.Type.LONG));

    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer words = CodeAnalyzers.words();
    private final int functions;
    private final int files;

    private FunctionSuggester(ByteBuffersDirectory directory, int functions, int files) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(CodeAnalyzers.similarity());
        this.functions = functions;
        this.files = files;
    }

    /** A source file's text and its functions: what the index is built from. */
    public record SourceText(String path, List<SourceFunction> functions, byte[] content) {
        public SourceText {
            functions = List.copyOf(functions);
        }
    }

    /**
     * Indexes the functions of {@code paths} (C and assembly files; other files and files missing from the index's
     * tree, such as generated ones, are left out).
     */
    public static FunctionSuggester of(FunctionIndex index, Collection<String> paths) {
        return of(read(index, paths));
    }

    /**
     * The functions and text of {@code paths} (the part that reads the tree, quick; {@link #of(List)} indexes them
     * without it, so that a caller that must hold its tree's lock to read holds it only for this).
     */
    public static List<SourceText> read(FunctionIndex index, Collection<String> paths) {
        List<SourceText> out = new ArrayList<>();
        for (String path : new TreeSet<>(paths)) {
            if (!FunctionParser.handles(path)) {
                continue;
            }
            List<SourceFunction> found = index.functions(path);
            Optional<byte[]> content = found.isEmpty() ? Optional.empty() : index.tree().read(path);
            content.ifPresent(c -> out.add(new SourceText(path, found, c)));
        }
        return out;
    }

    /** Indexes the functions of {@code sources}. */
    public static FunctionSuggester of(List<SourceText> sources) {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        int count = 0;
        IndexWriterConfig config = new IndexWriterConfig(CodeAnalyzers.perField())
                .setMergeScheduler(new SerialMergeScheduler()).setRAMBufferSizeMB(64)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setSimilarity(CodeAnalyzers.similarity());
        List<SourceText> sorted = new ArrayList<>(sources);
        sorted.sort(java.util.Comparator.comparing(SourceText::path));
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (SourceText source : sorted) {
                Map<String, Integer> names = new HashMap<>();
                source.functions().forEach(f -> names.merge(f.name(), 1, Integer::sum));
                List<String> lines = TextLines.of(source.content());
                String header = CodeText.header(lines, source.functions());
                for (FunctionText text : CodeText.of(lines, source.functions())) {
                    writer.addDocument(document(text, header, names.get(text.function().name()) > 1));
                    count++;
                }
            }
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("indexing functions in memory", e);
        }
        try {
            return new FunctionSuggester(dir, count, sorted.size());
        } catch (IOException e) {
            throw new UncheckedIOException("opening the in-memory index", e);
        }
    }

    /** How many functions are indexed. */
    public int functions() {
        return functions;
    }

    /** How many files gave functions. */
    public int files() {
        return files;
    }

    /**
     * The {@code top} functions that best match the requirement, best first (equal scores by file, then line); empty
     * when nothing in its text matches any function.
     */
    public List<LinkSuggestion> suggest(SpecificationItem requirement, int top) {
        if (top < 1) {
            throw new IllegalArgumentException("the number of suggestions must be at least 1, not " + top);
        }
        RequirementQuery.Built built = RequirementQuery.of(requirement, words);
        if (built.isEmpty() || functions == 0) {
            return List.of();
        }
        try {
            Query query = searcher.rewrite(built.query());
            TopFieldDocs hits = searcher.search(query, top, ORDER, true);
            Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);
            List<LinkSuggestion> out = new ArrayList<>();
            for (ScoreDoc hit : hits.scoreDocs) {
                Document d = searcher.storedFields().document(hit.doc);
                out.add(new LinkSuggestion(d.get(FUNCTION), d.get(FILE),
                        new CodeLink.LineRange(d.getField(START).numericValue().intValue(),
                                d.getField(END).numericValue().intValue()),
                        hit.score, reasons(weight, hit.doc, built.spelling()), "1".equals(d.get(AMBIGUOUS))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("searching the in-memory index", e);
        }
    }

    /** Lucene's explanation of a function's score for the requirement (for tuning the boosts), empty when not indexed. */
    String explain(SpecificationItem requirement, String file, String function) {
        try {
            Query query = searcher.rewrite(RequirementQuery.of(requirement, words).query());
            StringBuilder out = new StringBuilder();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                Document d = searcher.storedFields().document(doc);
                if (d.get(FILE).equals(file) && d.get(FUNCTION).equals(function)) {
                    out.append(searcher.explain(query, doc));
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("explaining in the in-memory index", e);
        }
    }

    /** Which of the requirement's words matched where, from Lucene's matches of the document. */
    private List<MatchReason> reasons(Weight weight, int doc, Map<String, String> spelling) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        Matches matches = weight.matches(leaf, doc - leaf.docBase);
        // per requirement term (in the query's order): identifier or word, and the fields it matched
        Map<String, Set<String>> where = new LinkedHashMap<>();
        spelling.keySet().forEach(k -> where.put(k, new LinkedHashSet<>()));
        if (matches != null) {
            for (String field : matches) {
                MatchesIterator it = matches.getMatches(field);
                if (it == null) {
                    continue;
                }
                boolean id = field.endsWith(CodeAnalyzers.ID_SUFFIX);
                String base = id ? field.substring(0, field.length() - CodeAnalyzers.ID_SUFFIX.length()) : field;
                while (it.next()) {
                    if (it.getQuery() instanceof TermQuery tq) {
                        String key = (id ? "id:" : "word:") + tq.getTerm().text();
                        Set<String> fields = where.get(key);
                        if (fields != null) {
                            fields.add(base);
                        }
                    }
                }
            }
        }
        // several terms may come from one spelling (a file with and without its extension): one reason each
        Map<String, MatchReason> out = new LinkedHashMap<>();
        where.forEach((key, fields) -> {
            if (fields.isEmpty()) {
                return;
            }
            boolean id = key.startsWith("id:");
            String word = spelling.get(key);
            List<String> ordered = CodeAnalyzers.FIELDS.stream().filter(fields::contains).toList();
            out.merge(word.toLowerCase(Locale.ROOT), new MatchReason(word, id, ordered),
                    (a, b) -> new MatchReason(a.word(), a.identifier() || b.identifier(), CodeAnalyzers.FIELDS.stream()
                            .filter(f -> a.where().contains(f) || b.where().contains(f)).toList()));
        });
        return List.copyOf(out.values());
    }

    private static Document document(FunctionText text, String header, boolean ambiguous) {
        SourceFunction f = text.function();
        Document d = new Document();
        d.add(new StoredField(FILE, f.path()));
        d.add(new StoredField(FUNCTION, f.name()));
        d.add(new StoredField(START, f.startLine()));
        d.add(new StoredField(END, f.endLine()));
        d.add(new StoredField(AMBIGUOUS, ambiguous ? "1" : "0"));
        d.add(new SortedDocValuesField(SORT_PATH, new BytesRef(f.path())));
        d.add(new NumericDocValuesField(SORT_LINE, f.startLine()));
        String comments = String.join("\n", text.comments());
        String strings = String.join("\n", text.strings());
        String body = String.join(" ", text.identifiers());
        words(d, "name", f.name());
        words(d, "path", f.path());
        words(d, "comment", comments);
        words(d, "string", strings);
        words(d, "body", body);
        words(d, "file", header);
        ids(d, "name", Identifiers.variants(List.of(f.name())));
        ids(d, "path", Identifiers.pathParts(f.path()));
        ids(d, "comment", Identifiers.variants(Identifiers.inText(comments)));
        ids(d, "string", Identifiers.literalWords(text.strings()));
        ids(d, "body", Identifiers.variants(text.identifiers()));
        ids(d, "file", Identifiers.variants(Identifiers.inText(header)));
        return d;
    }

    private static void words(Document d, String field, String value) {
        d.add(new TextField(field, value, Field.Store.NO));
    }

    private static void ids(Document d, String field, Collection<String> values) {
        d.add(new TextField(field + CodeAnalyzers.ID_SUFFIX, String.join(" ", values), Field.Store.NO));
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the in-memory index", e);
        }
    }
}
