package org.xenfusa.sloc.boards;

import java.util.List;
import java.util.Objects;

import org.xenfusa.sloc.xen.XenArch;

/**
 * One board Xen on ARM supports and what builds its port.
 *
 * @param platform      the member of Xen's "Platform Support" choice that builds it ({@code ALL_PLAT},
 *                      {@code QEMU}, {@code RCAR3}, {@code RCAR4}, {@code MPSOC}, {@code S32G3}, {@code NO_PLAT})
 * @param platformFiles files under {@code xen/arch/arm/platforms/} (relative to {@code xen/}) the port compiles
 * @param source        where the mapping comes from
 */
public record Board(String id, String title, XenArch arch, String platform, List<String> platformFiles,
        List<BoardDriver> drivers, String source) {
    public Board {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(platform, "platform");
        platformFiles = List.copyOf(platformFiles);
        drivers = List.copyOf(drivers);
        Objects.requireNonNull(source, "source");
    }

    /** Every file (relative to {@code xen/}) the port needs compiled: platform files and drivers. */
    public List<String> requiredFiles() {
        List<String> out = new java.util.ArrayList<>(platformFiles);
        drivers.forEach(d -> out.add(d.file()));
        return List.copyOf(out);
    }
}
