package org.xenfusa.sloc.kbuild;

import org.xenfusa.sloc.xen.XenArch;
import java.util.List;
import java.util.Objects;

/**
 * What one configuration of Xen compiles, as Xen's own build and {@code make cloc} would see it.
 * Paths are relative to the repository root.
 *
 * @param translationUnits    the compiled {@code .c}/{@code .S} files, generated ones included, sorted by path
 * @param makeClocList        exactly the de-duplicated, sorted list of paths {@code make cloc} gives to cloc
 * @param headers             every header reached by {@code #include}, sorted by path
 * @param warnings            problems met; every figure is still computed from everything else
 * @param undecidedConditions {@code #if} conditions that could not be decided (both branches kept)
 */
public record CompiledFileSet(XenArch arch, List<TranslationUnit> translationUnits, List<String> makeClocList,
        List<HeaderFile> headers, List<KbuildWarning> warnings, int undecidedConditions) {
    public CompiledFileSet {
        Objects.requireNonNull(arch, "arch");
        translationUnits = List.copyOf(translationUnits);
        makeClocList = List.copyOf(makeClocList);
        headers = List.copyOf(headers);
        warnings = List.copyOf(warnings);
    }
}
