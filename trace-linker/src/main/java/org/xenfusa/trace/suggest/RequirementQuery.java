package org.xenfusa.trace.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.xenfusa.trace.spec.SpecificationItem;

/**
 * The Lucene query of a requirement: the identifiers its text names (register names, Kconfig symbols, device-tree
 * compatibles, hypercall and domctl names, file names) matched whole against the code's identifiers with high
 * boosts, and the words of its title, description, rationale, id and file matched against function names, paths,
 * string literals, comments and bodies. Each term is one {@link DisjunctionMaxQuery} over the fields (the best field
 * counts, the others a little), the terms are summed; Lucene's BM25 weighs each by how rare it is.
 */
final class RequirementQuery {
    /** Identifiers: with an underscore ({@code CNTFRQ_EL0}, {@code XENVER_version}, {@code CONFIG_X}). */
    private static final Pattern UNDERSCORED = Pattern.compile("\\b[A-Za-z_][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\\b");
    /** Identifiers: all capitals and digits, three characters or more ({@code UARTDR}, {@code EFAULT}). */
    private static final Pattern CAPITALS = Pattern.compile("\\b[A-Z][A-Z0-9]{2,}\\b");
    /** Identifiers: a short name with a number, as registers are named ({@code x16}, {@code r0}). */
    private static final Pattern REGISTER = Pattern.compile("\\b[a-z]{1,2}[0-9]{1,2}\\b");
    /** Device-tree compatibles and properties ({@code arm,sbsa-uart}, {@code clock-frequency}). */
    private static final Pattern DEVICE_TREE = Pattern.compile("\\b[a-z][a-z0-9]*(?:,[a-z0-9][a-z0-9_.-]*[a-z0-9]"
            + "|(?:-[a-z0-9]+)+)\\b");
    /** Source file names ({@code vtimer.c}). */
    private static final Pattern FILE = Pattern.compile("\\b([A-Za-z0-9_-]+)\\.(?:c|h|S)\\b");
    /** Names joined by hyphens with a digit or a dot ({@code xen-3.0-aarch64}), as version strings are written. */
    private static final Pattern HYPHENATED = Pattern.compile("\\b[A-Za-z0-9]+(?:\\.[0-9]+)*(?:-[A-Za-z0-9.]*[A-Za-z0-9])+\\b");
    /** Hexadecimal numbers of three digits or more ({@code 0xEA1}). */
    private static final Pattern HEX = Pattern.compile("\\b0[xX][0-9A-Fa-f]{3,}\\b");

    /** Boosts of a whole identifier per field. */
    static final Map<String, Float> ID_FIELDS = Map.of("name", 8f, "string", 6f, "path", 5f, "body", 4f,
            "comment", 3f, "file", 1f);
    /** Boosts of a word per field. */
    static final Map<String, Float> WORD_FIELDS = Map.of("name", 4f, "path", 2f, "string", 2f, "comment", 1.5f,
            "body", 1f, "file", 1f);
    static final float TIE_BREAKER = 0.3f;
    /** Weight of identifiers against words, and of each part of the requirement. */
    static final float IDENTIFIER = 3f;
    static final float PART_IDENTIFIER = 1.5f;
    static final float TITLE = 1.5f;
    static final float DESCRIPTION = 1f;
    static final float ID_NAME = 1f;
    static final float RATIONALE = 0.5f;
    static final float LOCATION = 1f;
    /** Weight of an abbreviation C code uses for a word of the requirement, against the word itself. */
    static final float ABBREVIATION = 0.8f;

    /**
     * Words of requirement prose and the abbreviations C code writes for them ({@code physical} is {@code phys} in
     * {@code phys_timer_expired}); an emulated device is a virtual one in a hypervisor's code.
     */
    private static final Map<String, List<String>> ABBREVIATIONS = Map.ofEntries(
            Map.entry("physical", List.of("phys")), Map.entry("virtual", List.of("virt")),
            Map.entry("emulate", List.of("virtual", "virt", "emul")), Map.entry("interrupt", List.of("irq")),
            Map.entry("register", List.of("reg")), Map.entry("frequency", List.of("freq")),
            Map.entry("control", List.of("ctl", "ctrl")), Map.entry("initialise", List.of("init")),
            Map.entry("initialize", List.of("init")), Map.entry("receive", List.of("rx")),
            Map.entry("transmit", List.of("tx")), Map.entry("transmission", List.of("tx")),
            Map.entry("reception", List.of("rx")), Map.entry("buffer", List.of("buf")),
            Map.entry("configuration", List.of("config", "cfg")), Map.entry("capabilities", List.of("caps")),
            Map.entry("version", List.of("ver")), Map.entry("number", List.of("nr", "num")),
            Map.entry("address", List.of("addr")), Map.entry("argument", List.of("arg", "args")),
            Map.entry("parameter", List.of("param", "arg", "args")), Map.entry("memory", List.of("mem")),
            Map.entry("allocate", List.of("alloc")), Map.entry("counter", List.of("cnt")),
            Map.entry("error", List.of("err")), Map.entry("message", List.of("msg")),
            Map.entry("device", List.of("dev")), Map.entry("instruction", List.of("insn", "instr")),
            Map.entry("exception", List.of("exc", "trap")), Map.entry("status", List.of("stat")),
            Map.entry("value", List.of("val")), Map.entry("return", List.of("ret")),
            Map.entry("character", List.of("char")), Map.entry("temporary", List.of("tmp")),
            Map.entry("source", List.of("src")), Map.entry("destination", List.of("dst", "dest")),
            Map.entry("generate", List.of("make", "create", "build")));

    /** The query and, per term ({@code id:} or {@code word:} and the indexed text), the requirement's own spelling. */
    record Built(Query query, Map<String, String> spelling) {
        boolean isEmpty() {
            return spelling.isEmpty();
        }
    }

    private RequirementQuery() {
    }

    /** The identifiers the text names, each once, in order of appearance (spelt as in the text). */
    static List<String> identifiers(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher fm = FILE.matcher(text);
        while (fm.find()) {
            out.add(fm.group());
        }
        for (Pattern p : List.of(UNDERSCORED, CAPITALS, REGISTER, DEVICE_TREE, HYPHENATED, HEX)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String id = m.group();
                if (out.stream().noneMatch(o -> o.contains(id) && o.length() > id.length() && !o.contains(" "))) {
                    out.add(id);
                }
            }
        }
        return new ArrayList<>(out);
    }

    static Built of(SpecificationItem item, Analyzer words) {
        String text = item.title() + "\n" + item.description() + "\n" + item.rationale() + "\n" + item.comment();
        Map<String, Float> ids = new LinkedHashMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        List<String> named = identifiers(text);
        List<String> capitals = named.stream().filter(s -> s.matches("[A-Z][A-Z0-9]{2,}")).toList();
        for (String id : named) {
            if (id.matches("[A-Z]{3,4}")) {
                // an acronym of the prose (UART, SBSA, ARM): a word, not a name of the code
                continue;
            }
            String lower = id.toLowerCase(Locale.ROOT);
            Matcher file = FILE.matcher(id);
            if (file.matches()) {
                // a file is matched by its path, with or without its extension
                add(ids, spelling, lower, id, IDENTIFIER);
                add(ids, spelling, file.group(1).toLowerCase(Locale.ROOT), id, IDENTIFIER);
                continue;
            }
            add(ids, spelling, lower, id, IDENTIFIER);
            if (lower.startsWith("config_") && lower.length() > 7) {
                add(ids, spelling, lower.substring(7), id, PART_IDENTIFIER);
            }
            // UARTDR names register DR of the UART: the code often calls it by the part after the device's name
            for (String prefix : capitals) {
                if (!prefix.equals(id) && id.startsWith(prefix) && id.length() - prefix.length() >= 2
                        && id.substring(prefix.length()).matches("[A-Z][A-Z0-9]+")) {
                    add(ids, spelling, lower.substring(prefix.length()), id, PART_IDENTIFIER);
                }
            }
        }
        Map<String, Float> terms = new LinkedHashMap<>();
        analyse(words, item.title(), TITLE, terms, spelling);
        analyse(words, item.description(), DESCRIPTION, terms, spelling);
        analyse(words, item.id().name(), ID_NAME, terms, spelling);
        analyse(words, item.rationale() + "\n" + item.comment(), RATIONALE, terms, spelling);
        String path = item.location().path();
        analyse(words, path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.[^.]*$", ""), LOCATION, terms,
                spelling);

        BooleanQuery.Builder query = new BooleanQuery.Builder();
        ids.forEach((id, weight) -> query.add(new BoostQuery(disjunction(id, CodeAnalyzers.ID_SUFFIX, ID_FIELDS),
                weight), BooleanClause.Occur.SHOULD));
        terms.forEach((term, weight) -> query.add(new BoostQuery(disjunction(term, "", WORD_FIELDS), weight),
                BooleanClause.Occur.SHOULD));
        return new Built(query.build(), spelling);
    }

    private static void add(Map<String, Float> ids, Map<String, String> spelling, String term, String spelt,
            float weight) {
        ids.merge(term, weight, Math::max);
        spelling.putIfAbsent("id:" + term, spelt);
    }

    private static Query disjunction(String term, String suffix, Map<String, Float> fields) {
        List<Query> perField = new ArrayList<>();
        for (String f : CodeAnalyzers.FIELDS) {
            perField.add(new BoostQuery(new TermQuery(new Term(f + suffix, term)), fields.get(f)));
        }
        return new DisjunctionMaxQuery(perField, TIE_BREAKER);
    }

    /** Phrases of requirement prose and what C code calls them ({@code fdt_property} writes a device tree). */
    // in one order in every JVM (Map.of's changes from one JVM to the next): a requirement naming both phrases got
    // its query's terms, and so the reasons a suggestion shows, in another order on every run
    private static final Map<String, List<String>> PHRASES = java.util.Collections.unmodifiableMap(
            new java.util.TreeMap<>(Map.of("device tree", List.of("fdt", "dt"), "system register", List.of("sysreg"))));

    /** An abbreviation's term and how it is written, for a word of the requirement. */
    private record Abbreviation(String word, String stem, Map<String, String> terms) {
        /** True for {@code spelt} (a word of the requirement, analysed to {@code term}) when it is this word. */
        boolean matches(String term, String spelt) {
            // Porter stems "generic" as "generate": the word's first letters must agree too
            return stem.equals(term) && spelt.toLowerCase(Locale.ROOT).startsWith(word.substring(0,
                    Math.min(word.length(), 6)));
        }
    }

    private static final List<Abbreviation> ABBREVIATED = abbreviated();

    private static List<Abbreviation> abbreviated() {
        Analyzer words = CodeAnalyzers.words();
        List<Abbreviation> out = new ArrayList<>();
        ABBREVIATIONS.forEach((full, abbreviations) -> {
            String stem = stem(words, full);
            Map<String, String> terms = new java.util.TreeMap<>();
            for (String a : abbreviations) {
                String s = stem(words, a);
                if (s != null && !s.equals(stem)) {
                    terms.put(s, a);
                }
            }
            out.add(new Abbreviation(full, stem, terms));
        });
        out.sort(java.util.Comparator.comparing(Abbreviation::word));
        return List.copyOf(out);
    }

    /** The one term a word analyses to, or null. */
    private static String stem(Analyzer words, String word) {
        try (TokenStream ts = words.tokenStream("comment", word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String out = ts.incrementToken() ? term.toString() : null;
            ts.end();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory", e);
        }
    }

    /**
     * The analysed terms of {@code text}, one part of the requirement, each with the largest weight of a part it occurs
     * in. (Adding the weights of the parts a word occurs in, so that a word of title, description and id weighs more,
     * made the judged Xen sample worse: 14 of 19 in the top five instead of 15.)
     */
    private static void analyse(Analyzer words, String text, float weight, Map<String, Float> terms,
            Map<String, String> spelling) {
        Map<String, Float> part = new LinkedHashMap<>();
        try (TokenStream ts = words.tokenStream("comment", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (t.length() < 2) {
                    continue;
                }
                String spelt = text.substring(offset.startOffset(), offset.endOffset());
                part.merge(t, weight, Math::max);
                spelling.putIfAbsent("word:" + t, spelt);
                for (Abbreviation abbreviation : ABBREVIATED) {
                    if (abbreviation.matches(t, spelt)) {
                        abbreviation.terms().forEach((a, written) -> {
                            part.merge(a, weight * ABBREVIATION, Math::max);
                            spelling.putIfAbsent("word:" + a, spelt + " (" + written + ")");
                        });
                    }
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory", e);
        }
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        PHRASES.forEach((phrase, names) -> {
            int at = lower.indexOf(phrase);
            if (at >= 0) {
                for (String n : names) {
                    part.merge(n, weight * ABBREVIATION, Math::max);
                    spelling.putIfAbsent("word:" + n, phrase + " (" + n + ")");
                }
            }
        });
        part.forEach((t, w) -> terms.merge(t, w, Math::max));
    }
}
