package org.xenfusa.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.coverage.CoverageAnalysis;
import org.xenfusa.coverage.CoverageImport;
import org.xenfusa.coverage.CoverageImporter;
import org.xenfusa.coverage.Criterion;
import org.xenfusa.coverage.DataSet;
import org.xenfusa.coverage.DataSource;
import org.xenfusa.coverage.PathMap;
import org.xenfusa.coverage.SnapshotFiles;
import org.xenfusa.exports.assembly.EvidenceAssembler;
import org.xenfusa.exports.model.AttachedFile;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.sloc.tree.SourceTree;

/**
 * The steps from coverage data options to what {@link CoverageAnalysis#analyse} takes, shared by {@code fusa coverage}
 * and the analysis options of {@code fusa export} and {@code fusa readiness}: the level, the path map, the data files
 * read by the one {@link CoverageImporter} (each with the test run it came from), and, for the evidence package, the
 * bytes of the files the data sets came from.
 */
final class CoverageInputs {
    /** The level a configuration targets when none is given: all three criteria. */
    static final String DEFAULT_LEVEL = "DAL_A";

    private CoverageInputs() {
    }

    /** The level {@code name} gives (a DAL, or an ASIL through the SIG's crosswalk); a bad name is bad input. */
    static DesignAssuranceLevel level(String name, String option) {
        try {
            return Criterion.level(name == null ? DEFAULT_LEVEL : name, EffortModel.xenFusaSig());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage(), e);
        }
    }

    static PathMap pathMap(List<String> entries, String option) {
        try {
            return PathMap.parse(entries);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a data file or folder that does not exist, naming the option. */
    static void requireExisting(List<Path> data, String option) {
        for (Path d : data) {
            if (!Files.exists(d)) {
                throw new BadInputException("coverage data (" + option + ") not found: " + d);
            }
        }
    }

    /**
     * Reads every data file (a folder: every coverage file in it) against the tree's files, each with the test run it
     * came from: {@code test}, or the argument as given.
     */
    static List<Map.Entry<String, CoverageImport>> read(SourceTree tree, PathMap map, List<Path> data, String test)
            throws IOException {
        CoverageImporter importer = new CoverageImporter(SnapshotFiles.of(tree), map);
        List<Map.Entry<String, CoverageImport>> imports = new ArrayList<>();
        for (Path d : data) {
            for (CoverageImport i : importer.readAll(List.of(d))) {
                imports.add(new AbstractMap.SimpleEntry<>(test != null ? test : d.toString(), i));
            }
        }
        return imports;
    }

    /**
     * The files the data sets were read from, byte for byte, as attachments of the evidence package: each data set's
     * file is the one the importer named it by ({@code CoverageImporter.readAll} names a data set by its path), named
     * {@code N-file} in the order of the data sets; a file given twice is attached once. Its bytes must still have the
     * SHA-256 the importer computed.
     */
    static List<AttachedFile> dataFiles(CoverageAnalysis.Imported imported) throws IOException {
        Map<String, DataSource> wanted = new LinkedHashMap<>();
        for (DataSet s : imported.dataSets()) {
            wanted.putIfAbsent(s.source().sha256(), s.source());
        }
        List<AttachedFile> out = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, DataSource> w : wanted.entrySet()) {
            Path f = Path.of(w.getValue().name());
            AttachedFile a = EvidenceAssembler.coverageData(++n + "-" + f.getFileName(), Files.readAllBytes(f));
            if (!a.sha256().equals(w.getKey())) {
                throw new BadInputException("coverage data " + f + " changed while it was read");
            }
            out.add(a);
        }
        return out;
    }
}
