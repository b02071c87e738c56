package org.xenfusa.trace.suggest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * The two ways the suggester reads text. <em>Words</em> (fields {@code name}, {@code path}, {@code comment},
 * {@code string}, {@code body}): Lucene's standard tokenizer, identifiers split on {@code _} and case changes
 * ({@code vtimer_emulate_sysreg} and {@code readCounter} give their words), lower case, English stop words (and a
 * requirement's "shall"), Porter stemming. <em>Identifiers</em> (the same fields with {@code _id}): whole
 * identifiers, lower case, as the suggester lists them.
 */
final class CodeAnalyzers {
    /** Where a word can match, in the order reasons name them. */
    static final List<String> FIELDS = List.of("name", "path", "string", "comment", "body", "file");
    static final String ID_SUFFIX = "_id";

    private static final CharArraySet STOP_WORDS;

    static {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        // the modal verbs of requirement text say nothing about code
        stop.addAll(List.of("shall", "should", "must", "may"));
        // words of prose Lucene's short English list keeps
        stop.addAll(List.of("from", "its", "when", "which", "can", "has", "have", "been", "also", "any", "all"));
        // every requirement says "Xen shall" and every path starts with xen/: the name of the project tells nothing
        stop.add("xen");
        STOP_WORDS = CharArraySet.unmodifiableSet(stop);
    }

    private CodeAnalyzers() {
    }

    static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream t = new WordDelimiterGraphFilter(source, true,
                        WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, WordDelimiterGraphFilter.GENERATE_WORD_PARTS
                        | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
                        | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
                        | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE, null);
                t = new LowerCaseFilter(t);
                t = new EnglishPossessiveFilter(t);
                t = new StopFilter(t, STOP_WORDS);
                t = new PorterStemFilter(t);
                return new TokenStreamComponents(source, t);
            }
        };
    }

    static Analyzer identifiers() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new WhitespaceTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
    }

    /**
     * BM25 with less length normalisation for function bodies and file comments than Lucene's default ({@code b}
     * 0.75): a long function that names a register is no weaker a candidate for it than a short one.
     */
    static Similarity similarity() {
        Similarity standard = new BM25Similarity();
        Similarity flat = new BM25Similarity(1.2f, 0.3f);
        return new PerFieldSimilarityWrapper() {
            @Override
            public Similarity get(String name) {
                return name.startsWith("body") || name.startsWith("file") ? flat : standard;
            }
        };
    }

    /** Words for the word fields, identifiers for the {@code _id} fields. */
    static Analyzer perField() {
        Analyzer ids = identifiers();
        Map<String, Analyzer> byField = new HashMap<>();
        FIELDS.forEach(f -> byField.put(f + ID_SUFFIX, ids));
        return new PerFieldAnalyzerWrapper(words(), byField);
    }
}
