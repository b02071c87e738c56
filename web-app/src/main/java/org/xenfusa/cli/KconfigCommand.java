package org.xenfusa.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.config.ConfigurationRequest;
import org.xenfusa.sloc.kconfig.Configuration;
import org.xenfusa.sloc.kconfig.KconfigDiagnostic;
import org.xenfusa.sloc.kconfig.SymbolExplanation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fusa kconfig}: the .config Xen's kconfig would write, or why a symbol has its value. */
@Command(name = "kconfig", mixinStandardHelpOptions = true,
        description = "Write the .config of a configuration (stdout or --out), or explain a symbol's value.")
final class KconfigCommand implements Callable<Integer> {
    @Mixin
    ConfigurationOptions options;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the .config here instead of stdout.")
    Path out;

    @Option(names = "--explain", paramLabel = "SYMBOL", description = "Explain why SYMBOL has its value.")
    String explain;

    @Override
    public Integer call() throws IOException {
        if (out != null) {
            FusaCommandLine.requireFolderOf(out, "--out"); // before the evaluation, not a stack trace after it
        }
        try (TreeSource source = TreeSource.open(options.repo, options.ref)) {
            ConfigurationCounter counter = ConfigurationCounter.of(source.tree());
            ConfigurationRequest request = options.request(counter);
            System.err.println("fusa: configuration " + request.label());
            Configuration c = counter.configure(request);
            for (KconfigDiagnostic d : c.diagnostics()) {
                if (d.severity() != KconfigDiagnostic.Severity.INFO) {
                    System.err.println("fusa: " + d);
                }
            }
            if (explain != null) {
                SymbolExplanation e = c.explain(explain)
                        .orElseThrow(() -> new BadInputException("--explain " + explain + ": no Kconfig file defines it"));
                System.out.printf("CONFIG_%s=%s (%s)%n", e.symbol(), e.value(), e.type().keyword());
                System.out.println(e.summary());
                e.prompts().forEach(p -> System.out.printf("  prompt \"%s\" at %s: visible %s%n", p.text(), p.location(), p.visible()));
                e.userValue().ifPresent(v -> System.out.println("  user value: " + v));
                e.appliedDefault().ifPresent(d -> System.out.printf("  default %s%s at %s -> %s%n", d.expression(),
                        d.condition().isEmpty() ? "" : " if " + d.condition(), d.location(), d.result()));
                e.selectedBy().forEach(r -> System.out.printf("  selected by %s = %s%n", r.expression(), r.value()));
                e.impliedBy().forEach(r -> System.out.printf("  implied by %s = %s%n", r.expression(), r.value()));
                if (!e.dependsOn().isEmpty()) {
                    System.out.printf("  depends on %s = %s%n", e.dependsOn(), e.dependsOnValue());
                }
                e.unmetDependency().ifPresent(u -> System.out.println("  unmet dependency: " + u));
                e.definedAt().forEach(d -> System.out.println("  defined at " + d));
                return FusaCommandLine.OK;
            }
            if (out != null) {
                Files.writeString(out, c.writeDotConfig());
                System.err.println("fusa: wrote " + out);
            } else {
                System.out.print(c.writeDotConfig());
            }
        }
        return FusaCommandLine.OK;
    }
}
