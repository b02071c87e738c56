package org.xenfusa.sloc.boards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tiny Xen-like arm64 tree of our own with the shape that matters for board ports: GICv2 and GICv3
 * drivers behind prompts that default to y (so allnoconfig turns both off), a platform choice whose
 * members select some drivers but no GIC, the generic timer always built, UART and IOMMU drivers.
 */
final class SyntheticArmTree {
    private SyntheticArmTree() {
    }

    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("xen/Makefile", """
                XEN_VERSION = 4
                XEN_SUBVERSION = 99
                ALL_OBJS-y := common/built_in.o
                ALL_OBJS-y += drivers/built_in.o
                ALL_OBJS-y += arch/$(SRCARCH)/built_in.o
                """);
        FILES.put("xen/Rules.mk", "# the evaluator models the build's driver\n");
        FILES.put("xen/scripts/Kbuild.include", "empty :=\n");
        FILES.put("xen/Kconfig", """
                mainmenu "Synthetic Xen $(XEN_FULLVERSION)"

                source "arch/$(SRCARCH)/Kconfig"
                source "drivers/Kconfig"
                """);
        FILES.put("xen/arch/arm/Kconfig", """
                config ARM_64
                	def_bool y

                config UNSUPPORTED
                	bool "Unsupported features"

                config GICV2
                	bool "GICv2 driver"
                	default y

                config GICV3
                	bool "GICv3 driver"
                	default y

                config HAS_ITS
                	bool "GICv3 ITS" if UNSUPPORTED
                	depends on GICV3

                choice
                	prompt "Platform Support"
                	default ALL_PLAT

                config ALL_PLAT
                	bool "All Platforms"

                config RCAR3
                	bool "R-Car Gen3"
                	select HAS_SCIF
                	select IPMMU_VMSA

                config MPSOC
                	bool "MPSoC"
                	select HAS_CADENCE_UART
                	select ARM_SMMU

                config NO_PLAT
                	bool "No Platforms"

                endchoice

                config MPSOC_PLATFORM
                	bool
                	default (ALL_PLAT || MPSOC)
                """);
        FILES.put("xen/drivers/Kconfig", """
                config HAS_SCIF
                	bool "SCIF UART"
                	default y

                config HAS_CADENCE_UART
                	bool "Cadence UART"
                	default y

                config IPMMU_VMSA
                	bool "IPMMU-VMSA"

                config ARM_SMMU
                	bool "SMMUv1/v2"
                	default y
                """);
        FILES.put("xen/arch/arm/configs/arm64_defconfig", "");
        FILES.put("xen/arch/arm/arch.mk", "");
        FILES.put("xen/arch/arm/Makefile", """
                ifneq ($(CONFIG_NO_PLAT),y)
                obj-y += platforms/
                endif
                obj-y += setup.o
                obj-y += gic.o
                obj-$(CONFIG_GICV2) += gic-v2.o
                obj-$(CONFIG_GICV3) += gic-v3.o
                obj-$(CONFIG_HAS_ITS) += gic-v3-its.o
                obj-y += time.o
                """);
        FILES.put("xen/arch/arm/platforms/Makefile", """
                obj-$(CONFIG_MPSOC_PLATFORM) += xilinx-zynqmp.o
                obj-$(CONFIG_MPSOC_PLATFORM) += xilinx-zynqmp-eemi.o
                """);
        FILES.put("xen/arch/arm/setup.c", "int setup;\n");
        FILES.put("xen/arch/arm/gic.c", "int gic;\n");
        FILES.put("xen/arch/arm/gic-v2.c", "int gic_v2_a;\nint gic_v2_b;\n");
        FILES.put("xen/arch/arm/gic-v3.c", "int gic_v3_a;\nint gic_v3_b;\nint gic_v3_c;\n");
        FILES.put("xen/arch/arm/gic-v3-its.c", "int its;\n");
        FILES.put("xen/arch/arm/time.c", "int timer_a;\nint timer_b;\n");
        FILES.put("xen/arch/arm/platforms/xilinx-zynqmp.c", "int zynqmp;\n");
        FILES.put("xen/arch/arm/platforms/xilinx-zynqmp-eemi.c", "int eemi;\n");
        FILES.put("xen/common/Makefile", "obj-y += core.o\n");
        FILES.put("xen/common/core.c", "int core;\n");
        FILES.put("xen/drivers/Makefile", "obj-y += char/\nobj-y += passthrough/\n");
        FILES.put("xen/drivers/char/Makefile", """
                obj-$(CONFIG_HAS_SCIF) += scif-uart.o
                obj-$(CONFIG_HAS_CADENCE_UART) += cadence-uart.o
                """);
        FILES.put("xen/drivers/char/scif-uart.c", "int scif;\n");
        FILES.put("xen/drivers/char/cadence-uart.c", "int cadence;\n");
        FILES.put("xen/drivers/passthrough/Makefile", "obj-y += arm/\n");
        FILES.put("xen/drivers/passthrough/arm/Makefile", """
                obj-$(CONFIG_ARM_SMMU) += smmu.o
                obj-$(CONFIG_IPMMU_VMSA) += ipmmu-vmsa.o
                """);
        FILES.put("xen/drivers/passthrough/arm/smmu.c", "int smmu;\n");
        FILES.put("xen/drivers/passthrough/arm/ipmmu-vmsa.c", "int ipmmu;\n");
        FILES.put("xen/include/xen/config.h", "/* forced include */\n");
    }

    static void write(Path root) throws IOException {
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
    }
}
