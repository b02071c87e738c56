package org.xenfusa.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.trace.policy.TracePolicy;
import org.xenfusa.trace.policy.TracePolicyException;

/**
 * {@code --policy FILE|oft|xen}: the trace policy a command's verdicts follow. The default is {@code oft}, as in the web
 * app (a repository follows OpenFastTrace's rules until an ADMIN chooses another policy).
 */
final class PolicyOption {
    static final String DESCRIPTION = "Trace policy: oft (OpenFastTrace's rules, the default), xen (the shipped"
            + " policy for Xen's docs/fusa/reqs) or a policy file (YAML, see trace-linker/README.md).";

    private PolicyOption() {
    }

    static TracePolicy load(String spec) {
        if (spec == null || spec.isBlank()) {
            return TracePolicy.oft();
        }
        if (TracePolicy.SHIPPED.contains(spec)) {
            return TracePolicy.shipped(spec);
        }
        Path p = Path.of(spec);
        if (!Files.isRegularFile(p)) {
            throw new BadInputException("--policy " + spec + ": neither a shipped policy (" + String.join(", ",
                    TracePolicy.SHIPPED) + ") nor a file");
        }
        try {
            return TracePolicy.parse(p.toString(), Files.readAllBytes(p));
        } catch (IOException e) {
            throw new BadInputException("cannot read trace policy '" + p + "': " + e.getMessage(), e);
        } catch (TracePolicyException e) {
            throw new BadInputException("trace policy not usable:\n" + e.problems().stream().map(x -> "  " + x)
                    .collect(Collectors.joining("\n")), e);
        }
    }
}
