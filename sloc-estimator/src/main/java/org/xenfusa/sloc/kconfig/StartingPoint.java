package org.xenfusa.sloc.kconfig;

import java.util.Objects;

/** Where a configuration starts, as the {@code make *config} targets do. */
public sealed interface StartingPoint {

    /** {@code make defconfig}: a file of {@code xen/arch/<srcarch>/configs/}, e.g. {@code x86_64_defconfig}. */
    record Defconfig(String name) implements StartingPoint {
        public Defconfig {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code conf --defconfig=FILE} with the file's content given directly. */
    record DefconfigText(String name, String content) implements StartingPoint {
        public DefconfigText {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }
    }

    /** {@code make olddefconfig} on an existing {@code .config}. */
    record ExistingConfig(String name, String content) implements StartingPoint {
        public ExistingConfig {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }
    }

    /** {@code make allyesconfig}. */
    record AllYes() implements StartingPoint {
    }

    /** {@code make allnoconfig}. */
    record AllNo() implements StartingPoint {
    }

    /** {@code make alldefconfig}. */
    record AllDefault() implements StartingPoint {
    }

    /** {@code make randconfig} with {@code KCONFIG_SEED=seed} (glibc's rand()). */
    record Random(int seed) implements StartingPoint {
    }

    static StartingPoint defconfig(String name) {
        return new Defconfig(name);
    }

    static StartingPoint allYes() {
        return new AllYes();
    }

    static StartingPoint allNo() {
        return new AllNo();
    }
}
