package org.xenfusa.trace.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.function.SourceFunction;
import org.xenfusa.trace.link.LinkFileReader;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.spec.SpecificationScanner;
import org.xenfusa.trace.suspect.SuspectReason;

/**
 * Change impact on a git repository the test builds: the compiled functions it calls changed are exactly those the
 * git diff of the compiled files touches (JGit's edit list intersected with the functions' line ranges), and the
 * links, requirements and tests that follow from them.
 */
// [utest->dsn~change-impact~1] [utest->err~changed-code-not-flagged~1]
class ChangeImpactTest {
    @TempDir Path dir;

    /** Functions end with a distinct comment line so that no diff hunk can slide into a neighbouring function. */
    private static String fn(String name, String body) {
        return "int " + name + "(void)\n{\n" + body + "}\n/* end " + name + " */\n";
    }

    private static final String SPEC = """
            `XenMkt~m~1`
            The market need.

            `XenProd~p~1`
            The product requirement.

            Covers:
            * `XenMkt~m~1`

            `XenSwdgn~a~1`
            Design a.

            Covers:
            * `XenProd~p~1`

            `XenSwdgn~b~1`
            Design b.

            `XenSwdgn~t~1`
            Design t, tagged in the code.
            """;

    private static final String LINKS = """
            version: 1
            links:
              - requirement: XenSwdgn~a~1
                code:
                  - {file: xen/common/a.c, function: alpha, state: reviewed, author: ann, reviewer: bob}
                tests:
                  - {file: tests/a.c, name: suite.alpha_works}
              - requirement: XenSwdgn~b~1
                code:
                  - {file: xen/common/a.c, function: beta, state: reviewed, author: ann, reviewer: bob}
                tests:
                  - {file: tests/b.c, name: suite.beta_works}
              - requirement: XenSwdgn~b~1
                code:
                  - {file: xen/notbuilt/e.c, function: eps}
            """;

    private void write(Path root, String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private RevCommit commit(Git git, String tag) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        RevCommit c = git.commit().setMessage(tag).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                .setSign(false).call();
        git.tag().setName(tag).setObjectId(c).setAnnotated(false).call();
        return c;
    }

    @Test
    void changedFunctionsAreThoseTheGitDiffOfTheCompiledFilesTouches() throws Exception {
        Path work = dir.resolve("repo");
        Files.createDirectories(work);
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            write(work, "docs/reqs.md", SPEC);
            write(work, "xen/common/a.c", "#include <xen/lib.h>\n" + fn("alpha", "    return 1;\n")
                    + fn("beta", "    return 2;\n") + fn("gamma", "    return 3;\n")
                    + fn("zeta", "    /* [impl->XenSwdgn~t~1] */\n    return 4;\n") + fn("kappa", "    return 5;\n"));
            write(work, "xen/common/b.c", fn("unchanged", "    return 0;\n"));
            write(work, "xen/arch/x/d.c", fn("dropped_with_file", "    return 0;\n"));
            write(work, "xen/arch/x/c.c", fn("newly_compiled", "    return 0;\n"));
            write(work, "xen/notbuilt/e.c", fn("eps", "    return 0;\n"));
            commit(git, "v1");

            // alpha's body and zeta's body change, beta moves down (same text), gamma goes, omega comes,
            // kappa's line moves inside the file only; e.c changes but is not compiled
            write(work, "xen/common/a.c", "#include <xen/lib.h>\n" + fn("alpha", "    int x = 1;\n    return x;\n")
                    + "/* beta follows */\n" + fn("beta", "    return 2;\n")
                    + fn("zeta", "    /* [impl->XenSwdgn~t~1] */\n    return 40;\n") + fn("omega", "    return 9;\n")
                    + fn("kappa", "    return 5;\n"));
            write(work, "xen/arch/x/d.c", fn("dropped_with_file", "    return 1;\n"));
            write(work, "xen/notbuilt/e.c", fn("eps", "    return 1;\n"));
            commit(git, "v2");

            List<String> compiledV1 = List.of("xen/common/a.c", "xen/common/b.c", "xen/arch/x/d.c");
            List<String> compiledV2 = List.of("xen/common/a.c", "xen/common/b.c", "xen/arch/x/c.c");
            LinkSet links = LinkFileReader.read("links.yaml", LINKS.getBytes(StandardCharsets.UTF_8));
            assertThat(links.problems()).isEmpty();

            Repository repo = git.getRepository();
            try (GitSourceTree t1 = GitSourceTree.open(repo, "v1"); GitSourceTree t2 = GitSourceTree.open(repo, "v2")) {
                FunctionIndex i1 = FunctionIndex.of(t1);
                FunctionIndex i2 = i1.forTree(t2);
                var from = new ChangeImpact.Side("v1", i1, compiledV1, SpecificationScanner.under("").scan(t1).items(),
                        Optional.empty());
                var to = new ChangeImpact.Side("v2", i2, compiledV2, SpecificationScanner.under("").scan(t2).items(),
                        Optional.empty());
                ImpactReport r = ChangeImpact.compare("synthetic", from, to, links.code(), links.tests(), Optional.empty());

                assertThat(names(r, FunctionChange.Kind.CHANGED)).containsExactly("xen/common/a.c:alpha",
                        "xen/common/a.c:zeta");
                assertThat(names(r, FunctionChange.Kind.ADDED)).containsExactly("xen/arch/x/c.c:newly_compiled",
                        "xen/common/a.c:omega");
                assertThat(names(r, FunctionChange.Kind.REMOVED)).containsExactly(
                        "xen/arch/x/d.c:dropped_with_file", "xen/common/a.c:gamma");

                // the same sets from the git diff of the files compiled on both sides
                Map<String, Set<String>> touched = touchedByGitDiff(repo, "v1", "v2", i1, i2);
                Set<String> both = new HashSet<>(compiledV1);
                both.retainAll(compiledV2);
                Set<String> changedByDiff = new TreeSet<>();
                Set<String> addedByDiff = new TreeSet<>();
                Set<String> removedByDiff = new TreeSet<>();
                for (String path : both) {
                    Set<String> before = names(i1.functions(path));
                    Set<String> after = names(i2.functions(path));
                    for (String n : touched.getOrDefault(path, Set.of())) {
                        String a = path + ":" + n;
                        if (before.contains(n) && after.contains(n)) {
                            changedByDiff.add(a);
                        } else if (after.contains(n)) {
                            addedByDiff.add(a);
                        } else {
                            removedByDiff.add(a);
                        }
                    }
                }
                assertThat(names(r, FunctionChange.Kind.CHANGED)).containsExactlyElementsOf(changedByDiff);
                assertThat(r.functions(FunctionChange.Kind.ADDED).stream().filter(f -> both.contains(f.path()))
                        .map(FunctionChange::anchor).toList()).containsExactlyElementsOf(addedByDiff);
                assertThat(r.functions(FunctionChange.Kind.REMOVED).stream().filter(f -> both.contains(f.path()))
                        .map(FunctionChange::anchor).toList()).containsExactlyElementsOf(removedByDiff);
                assertThat(r.changedFiles()).containsExactly("xen/arch/x/c.c", "xen/arch/x/d.c", "xen/common/a.c");

                assertThat(r.files()).containsExactly(new AreaImpact("xen/arch/x/c.c", 1, 0, 0),
                        new AreaImpact("xen/arch/x/d.c", 0, 1, 0), new AreaImpact("xen/common/a.c", 1, 1, 2));
                assertThat(r.directories()).containsExactly(new AreaImpact("xen/arch/x/", 1, 1, 0),
                        new AreaImpact("xen/common/", 1, 1, 2));

                // alpha's link is suspect; beta moved without change; e.c is not compiled
                assertThat(r.suspects()).singleElement().satisfies(s -> {
                    assertThat(s.link().function()).isEqualTo("alpha");
                    assertThat(s.reasons()).containsExactly(SuspectReason.FUNCTION_CHANGED);
                });
                // a through its link, t through the tag inside zeta; p and m above a
                assertThat(r.directRequirements()).extracting(x -> x.id().toString(), RequirementImpact::because)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("XenSwdgn~a~1", List.of("xen/common/a.c:alpha")),
                                org.assertj.core.groups.Tuple.tuple("XenSwdgn~t~1", List.of("xen/common/a.c:zeta")));
                assertThat(r.parentRequirements()).extracting(x -> x.id().toString(), RequirementImpact::because)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("XenProd~p~1", List.of("XenSwdgn~a~1")),
                                org.assertj.core.groups.Tuple.tuple("XenMkt~m~1", List.of("XenProd~p~1")));
                assertThat(r.tests()).singleElement().satisfies(t -> {
                    assertThat(t.test().name()).isEqualTo("suite.alpha_works");
                    assertThat(t.requirements()).containsExactly("XenSwdgn~a~1");
                });
                assertThat(r.sloc()).isEmpty();
                assertThat(r.effort()).isEmpty();
                assertThat(r.summary()).contains("2 compiled functions added, 2 removed, 2 changed in 3 files", "1 suspect links",
                        "4 requirements", "1 tests");
            }
        }
    }

    private static List<String> names(ImpactReport r, FunctionChange.Kind kind) {
        return r.functions(kind).stream().map(FunctionChange::anchor).toList();
    }

    private static Set<String> names(List<SourceFunction> functions) {
        Set<String> s = new HashSet<>();
        functions.forEach(f -> s.add(f.name()));
        return s;
    }

    /** Per path, the functions (of either side) whose lines a hunk of JGit's diff touches. */
    private static Map<String, Set<String>> touchedByGitDiff(Repository repo, String a, String b, FunctionIndex before,
            FunctionIndex after) throws IOException {
        Map<String, Set<String>> out = new java.util.HashMap<>();
        try (DiffFormatter f = new DiffFormatter(new ByteArrayOutputStream())) {
            f.setRepository(repo);
            f.setContext(0);
            for (DiffEntry e : f.scan(repo.resolve(a + "^{tree}"), repo.resolve(b + "^{tree}"))) {
                for (Edit edit : f.toFileHeader(e).toEditList()) {
                    for (SourceFunction fn : before.functions(e.getOldPath())) {
                        // Edit's ranges are 0-based, end exclusive: lines beginA+1 .. endA
                        if (edit.getEndA() > edit.getBeginA() && fn.overlaps(edit.getBeginA() + 1, edit.getEndA())) {
                            out.computeIfAbsent(e.getOldPath(), k -> new TreeSet<>()).add(fn.name());
                        }
                    }
                    for (SourceFunction fn : after.functions(e.getNewPath())) {
                        if (edit.getEndB() > edit.getBeginB() && fn.overlaps(edit.getBeginB() + 1, edit.getEndB())) {
                            out.computeIfAbsent(e.getNewPath(), k -> new TreeSet<>()).add(fn.name());
                        }
                    }
                }
            }
        }
        return out;
    }
}
