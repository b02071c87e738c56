package org.xenfusa.trace.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.xenfusa.sloc.reference.ReferenceCase;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.trace.graph.TraceResult;
import org.xenfusa.trace.graph.Tracer;
import org.xenfusa.trace.policy.TracePolicy;
import org.xenfusa.trace.spec.ShortTagRule;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationScanner;

/**
 * The trace of {@link SyntheticSpecifications} against OpenFastTrace 4.4.0's verdicts on the same files, recorded in
 * {@code reference-data/}{@value #RECORDING} (one {@link ItemView#canonical()} line per item). OFT read the files by
 * the relative paths {@value #LOCATION}..., which its locations and generated tag names (a CRC of the path) carry; our
 * scan names the files the same way wherever they are written.
 * {@code OpenFastTraceOracleTest} runs OFT and checks that it still gives exactly the recorded lines, so the
 * recording is OFT's own; this comparison needs no OFT and runs anywhere (it is a case of {@code fusa qualify}).
 */
public final class OftReference {
    public static final String USE_CASE = "trace requirements (OpenFastTrace verdicts)";
    /** Below {@code reference-data/}. */
    public static final String RECORDING = "openfasttrace/synthetic-verdicts.txt";
    /** The folder, relative to the oracle test's working directory, OFT read the synthetic set from. */
    public static final String LOCATION = "target/synthetic-specifications/";

    private OftReference() {
    }

    /** Our import and trace (under the shipped oft policy) of the files below {@code root}, named {@code prefix}PATH. */
    public static List<ItemView> ours(Path root, List<ShortTagRule> shortTags, String prefix) throws IOException {
        try (DirectorySourceTree tree = DirectorySourceTree.open(root)) {
            SpecificationImport imported = SpecificationScanner.under("").withShortTags(shortTags)
                    .withLocationPrefix(prefix).scan(tree);
            TraceResult trace = new Tracer(TracePolicy.oft()).trace(imported.items());
            return OurTrace.views(trace);
        }
    }

    /** The recorded lines (comment lines starting with {@code #} left out). */
    public static List<String> recorded(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    /** The recording's text for {@code views}: a header naming its origin, then one line per item in trace order. */
    public static String recording(List<ItemView> views) {
        return "# OpenFastTrace 4.4.0's verdicts on SyntheticSpecifications (trace-linker), one item per line;"
                + " written from OFT's own trace and checked by OpenFastTraceOracleTest\n"
                + views.stream().map(ItemView::canonical).collect(Collectors.joining("\n")) + "\n";
    }

    /** Item by item, in order: the lines that differ, are missing or extra. */
    public static List<String> differences(List<String> expected, List<String> obtained) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), obtained.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : null;
            String o = i < obtained.size() ? obtained.get(i) : null;
            if (e == null) {
                out.add("item " + (i + 1) + " extra: " + o);
            } else if (o == null) {
                out.add("item " + (i + 1) + " missing: " + e);
            } else if (!e.equals(o)) {
                out.add("item " + (i + 1) + ": OFT " + e + ", obtained " + o);
            }
        }
        return out;
    }

    /** The synthetic set written below {@code work} (an empty folder), traced, and compared with the recording. */
    public static ReferenceCase synthetic(Path referenceData, Path work) throws IOException {
        Path file = referenceData.resolve(RECORDING);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("reference data missing: " + file);
        }
        List<String> expected = recorded(file);
        SyntheticSpecifications.write(work);
        List<ItemView> views = ours(work, SyntheticSpecifications.shortTagRules(), LOCATION);
        List<String> obtained = views.stream().map(ItemView::canonical).toList();
        long defects = views.stream().filter(ItemView::defect).count();
        return ReferenceCase.of("oft-oracle-synthetic", USE_CASE,
                "every field, link state, coverage and defect flag of every item of the synthetic specification set"
                        + " (every OFT verdict occurs) against OpenFastTrace 4.4.0's recorded trace",
                expected.size() + " items", obtained.size() + " items, " + defects + " defects",
                differences(expected, obtained), List.of());
    }
}
