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

    /**
     * How pages and documents name the configuration, overrides included: {@code x86_64-defconfig + HVM=n},
     * {@code arm64-allnoconfig}, {@code x86_64-pvshim_defconfig + DEBUG=y}.
     */
    public String label() {
        String from;
        if (start instanceof StartingPoint.Defconfig d) {
            from = d.name().equals(arch.defaultDefconfig()) ? "defconfig" : d.name();
        } else if (start instanceof StartingPoint.DefconfigText d) {
            from = d.name();
        } else if (start instanceof StartingPoint.ExistingConfig c) {
            String n = c.name().replace('\\', '/');
            from = n.substring(n.lastIndexOf('/') + 1);
        } else if (start instanceof StartingPoint.AllYes) {
            from = "allyesconfig";
        } else if (start instanceof StartingPoint.AllNo) {
            from = "allnoconfig";
        } else if (start instanceof StartingPoint.Random r) {
            from = "randconfig-" + r.seed();
        } else {
            from = "alldefconfig";
        }
        StringBuilder b = new StringBuilder(arch.targetArch()).append('-').append(from);
        overrides.forEach(o -> b.append(" + ").append(o.symbol()).append('=').append(o.value()));
        return b.toString();
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
