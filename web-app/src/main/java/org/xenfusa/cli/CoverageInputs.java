package org.xenfusa.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
     * file found under {@code data} by its SHA-256 and size (those the importer computed), named {@code N-file} in the
     * order of the data sets; a file given twice is attached once.
     */
    static List<AttachedFile> dataFiles(List<Path> data, CoverageAnalysis.Imported imported) throws IOException {
        Map<String, DataSource> wanted = new LinkedHashMap<>();
        for (DataSet s : imported.dataSets()) {
            wanted.putIfAbsent(s.source().sha256(), s.source());
        }
        Map<String, Path> found = new LinkedHashMap<>();
        for (Path d : data) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(d)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                if (found.size() == wanted.size()) {
                    break;
                }
                long size = Files.size(f);
                if (wanted.values().stream().anyMatch(s -> s.bytes() == size)) {
                    String sha = sha256(f);
                    if (wanted.containsKey(sha)) {
                        found.putIfAbsent(sha, f);
                    }
                }
            }
        }
        List<AttachedFile> out = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, DataSource> w : wanted.entrySet()) {
            Path f = found.get(w.getKey());
            if (f == null) {
                throw new BadInputException("coverage data " + w.getValue().name() + " (SHA-256 " + w.getKey()
                        + ") changed while it was read: no file given has those bytes any more");
            }
            byte[] bytes = Files.readAllBytes(f);
            out.add(EvidenceAssembler.coverageData(++n + "-" + f.getFileName(), bytes));
            if (!out.get(out.size() - 1).sha256().equals(w.getKey())) {
                throw new BadInputException("coverage data " + f + " changed while it was read");
            }
        }
        return out;
    }

    private static String sha256(Path f) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
