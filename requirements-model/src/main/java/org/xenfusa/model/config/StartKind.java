package org.xenfusa.model.config;

/** Where a saved configuration starts, as Xen's {@code make *config} targets do. */
public enum StartKind {
    /** A file of {@code arch/<arch>/configs}; the value names it (empty: the arch's default). */
    DEFCONFIG,
    ALLYES,
    ALLNO,
    /** The value is the seed. */
    RANDCONFIG,
    /** The value is the text of an existing {@code .config}, resolved as olddefconfig does. */
    DOTCONFIG
}
