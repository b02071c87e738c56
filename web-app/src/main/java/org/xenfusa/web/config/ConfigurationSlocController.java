package org.xenfusa.web.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.FileFigures;
import org.xenfusa.sloc.config.GeneratedFile;
import org.xenfusa.sloc.effort.Asil;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.sloc.kbuild.LineActivity;
import org.xenfusa.web.effort.EffortModels;
import org.xenfusa.web.platform.InvalidInputException;

/** A configuration's compiled code: the three SLOC figures per directory, per file, and per line. */
@Controller
public class ConfigurationSlocController {
    private final SavedConfigurationRepository configurations;
    private final ConfigurationReports reports;
    private final EffortModels effort;

    public ConfigurationSlocController(SavedConfigurationRepository configurations, ConfigurationReports reports,
            EffortModels effort) {
        this.configurations = configurations;
        this.reports = reports;
        this.effort = effort;
    }

    private SavedConfiguration find(long id) {
        return configurations.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no configuration " + id));
    }

    @GetMapping("/configurations/{id}/sloc")
    String sloc(@PathVariable long id, @RequestParam(required = false) String ref, Model model)
            throws InvalidInputException {
        SavedConfiguration saved = find(id);
        String at = ref == null || ref.isBlank() ? saved.getRefName() : ref.strip();
        ConfigurationReport report = reports.report(saved, at, List.of());
        model.addAttribute("saved", saved);
        model.addAttribute("ref", at);
        model.addAttribute("report", report);
        EffortModel m = effort.current();
        model.addAttribute("effortModel", m);
        model.addAttribute("effortSloc", m.slocOf(report));
        model.addAttribute("estimates", m.estimates(m.slocOf(report)).values());
        model.addAttribute("asils", Asil.values());
        return "config/sloc";
    }

    /** One file row of the files page. */
    public record FileRow(String path, String role, String language, int blank, int comment, int code, int activeCode,
            boolean generated, String duplicateOf) {
        static FileRow of(FileFigures f) {
            return new FileRow(f.path(), f.role().name(), f.count().language(), f.count().blank(), f.count().comment(),
                    f.count().code(), f.active().code(), f.generated(), f.duplicateOf().orElse(""));
        }
    }

    @GetMapping("/configurations/{id}/files")
    String files(@PathVariable long id, @RequestParam(defaultValue = "") String dir,
            @RequestParam(required = false) String ref, Model model) throws InvalidInputException {
        SavedConfiguration saved = find(id);
        String at = ref == null || ref.isBlank() ? saved.getRefName() : ref.strip();
        ConfigurationReport report = reports.report(saved, at, List.of());
        String prefix = dir.isEmpty() ? "" : dir.endsWith("/") ? dir : dir + "/";
        List<FileRow> rows = report.files().stream().filter(f -> f.path().startsWith(prefix)).map(FileRow::of)
                .sorted(Comparator.comparingInt(FileRow::code).reversed().thenComparing(FileRow::path)).toList();
        model.addAttribute("saved", saved);
        model.addAttribute("ref", at);
        model.addAttribute("dir", dir);
        model.addAttribute("rows", rows);
        model.addAttribute("report", report);
        return "config/files";
    }

    /** One line of a file with whether the preprocessor keeps it in this configuration. */
    public record SourceLine(int number, String text, boolean active) {
    }

    @GetMapping("/configurations/{id}/file")
    String file(@PathVariable long id, @RequestParam String path, @RequestParam(required = false) String ref,
            Model model) throws InvalidInputException, IOException {
        SavedConfiguration saved = find(id);
        String at = ref == null || ref.isBlank() ? saved.getRefName() : ref.strip();
        ConfigurationReport report = reports.report(saved, at, List.of());
        FileFigures figures = report.file(path)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, path + " is not compiled in this configuration"));
        // a file the build makes is not in the tree: a copy shows the tracked file it copies (its lines are the ones
        // counted); of the others only what they are made from is known here
        java.util.Optional<GeneratedFile> made = report.generated().stream().filter(g -> g.path().equals(path))
                .findFirst();
        model.addAttribute("made", made.orElse(null));
        if (made.isPresent() && made.get().kind() != GeneratedFile.Kind.COPY) {
            model.addAttribute("saved", saved);
            model.addAttribute("ref", at);
            model.addAttribute("figures", figures);
            model.addAttribute("lines", List.of());
            model.addAttribute("inactive", 0);
            return "config/file";
        }
        byte[] content = reports.read(saved, at, made.map(GeneratedFile::from).orElse(path));
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
        int count = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        LineActivity activity = report.activity(path).orElse(LineActivity.allActive(path, count));
        List<SourceLine> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new SourceLine(i + 1, lines[i], activity.isActive(i + 1)));
        }
        model.addAttribute("saved", saved);
        model.addAttribute("ref", at);
        model.addAttribute("figures", figures);
        model.addAttribute("lines", out);
        model.addAttribute("inactive", activity.inactiveLineCount());
        return "config/file";
    }
}
