package org.xenfusa.sloc.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.xenfusa.sloc.kconfig.StartingPoint;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.xen.XenArch;

/** A configuration to build: architecture, starting point, overrides and toolchain profile. */
public record ConfigurationRequest(XenArch arch, StartingPoint start, List<SymbolAssignment> overrides, ToolchainProfile profile) {
    public ConfigurationRequest {
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(profile, "profile");
        overrides = List.copyOf(overrides);
    }

    /** The architecture's own defconfig with Debian 12's GCC 12 profile. */
    public static ConfigurationRequest defconfig(XenArch arch) {
        return new ConfigurationRequest(arch, new StartingPoint.Defconfig(arch.defaultDefconfig()), List.of(),
                ToolchainProfile.defaultFor(arch.targetArch()));
    }

    /** The same configuration with one more {@code SYMBOL=value} (it wins over earlier ones). */
    public ConfigurationRequest with(SymbolAssignment assignment) {
        List<SymbolAssignment> more = new ArrayList<>(overrides);
        more.add(assignment);
        return new ConfigurationRequest(arch, start, more, profile);
    }

    public ConfigurationRequest with(List<SymbolAssignment> assignments) {
        List<SymbolAssignment> more = new ArrayList<>(overrides);
        more.addAll(assignments);
        return new ConfigurationRequest(arch, start, more, profile);
    }
}
