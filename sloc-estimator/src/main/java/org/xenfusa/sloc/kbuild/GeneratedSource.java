package org.xenfusa.sloc.kbuild;

import java.util.Objects;
import java.util.Optional;

import org.xenfusa.sloc.kconfig.ToolchainProfile;

/**
 * A {@code .c}/{@code .S} file that {@code make cloc} counts but that the build creates, and what
 * is known of its content: a copy of a tracked file, text reproduced from the build's own
 * generator script, or a count the toolchain profile declares (content made from compiled
 * binaries, which only a real build can produce).
 *
 * @param path     relative to the repository root
 * @param text     the content, when the generator is a script this evaluator reads (e.g. {@code tools/binfile})
 * @param declared the count the toolchain profile states for it
 */
// [impl->dsn~declared-generated-count~1]
public record GeneratedSource(String path, SourceOrigin origin, Optional<String> text,
        Optional<ToolchainProfile.BuildOutput> declared) {
    public GeneratedSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(declared, "declared");
    }

    /** Whether its content (or a declared count) is known, so that it can be counted. */
    public boolean countable() {
        return origin.kind() == SourceOrigin.Kind.COPY || text.isPresent() || declared.isPresent();
    }
}
