package org.xenfusa.sloc.kbuild;

import java.util.List;
import java.util.Optional;

/**
 * The folder make runs in (Xen's {@code xen/} for an in-tree build), as the Makefile evaluator sees
 * it: paths are relative to it, '/'-separated and normalised (no {@code ./}, no {@code ..}).
 */
interface BuildFolder {
    /** The parsed Makefile at {@code path}, if the folder has that file. */
    Optional<KbuildMakefile> makefile(String path);

    boolean isFile(String path);

    boolean isDirectory(String path);

    /** Every file, sorted, for {@code $(wildcard)} patterns. */
    List<String> files();
}
