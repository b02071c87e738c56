package org.xenfusa.misra;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.xenfusa.sloc.config.ConfigurationReport;

/**
 * The code a configuration compiles: its compiled files and every header they reach, as sloc-estimator's
 * {@link ConfigurationReport} gives them ({@code compiledFiles} and {@code headers}, the set {@code config-sloc} and
 * {@code trace} use). A finding elsewhere is outside the configuration. {@link #whole()} is the whole tree.
 *
 * @param arch the architecture as Xen's {@code XEN_TARGET_ARCH} names it, for ECLAIR's clean set per architecture
 */
public record MisraScope(String name, String arch, Optional<Set<String>> files) {
    public MisraScope {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arch, "arch");
        files = files.map(Set::copyOf);
    }

    public static MisraScope whole() {
        return new MisraScope("whole tree", "", Optional.empty());
    }

    /** A configuration the engine evaluated: its compiled files and the headers they reach. */
    public static MisraScope of(String name, ConfigurationReport report) {
        Set<String> files = new HashSet<>(report.compiledFiles());
        files.addAll(report.headers());
        return new MisraScope(name, report.arch().targetArch(), Optional.of(files));
    }

    /** A configuration given as its list of files (for example make cloc's list). */
    public static MisraScope ofFiles(String name, String arch, Collection<String> files) {
        return new MisraScope(name, arch, Optional.of(new HashSet<>(files)));
    }

    public boolean includes(String path) {
        return files.map(f -> f.contains(path)).orElse(true);
    }
}
