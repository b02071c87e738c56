package org.xenfusa.trace.link;

import java.util.ArrayList;
import java.util.List;

import org.xenfusa.trace.spec.ImportProblem;

/** The links read from one or more link files, and the entries that could not be read. */
public record LinkSet(List<CodeLink> code, List<TestLink> tests, List<ImportProblem> problems) {
    public LinkSet {
        code = List.copyOf(code);
        tests = List.copyOf(tests);
        problems = List.copyOf(problems);
    }

    public static LinkSet empty() {
        return new LinkSet(List.of(), List.of(), List.of());
    }

    public LinkSet plus(LinkSet o) {
        List<CodeLink> c = new ArrayList<>(code);
        c.addAll(o.code);
        List<TestLink> t = new ArrayList<>(tests);
        t.addAll(o.tests);
        List<ImportProblem> p = new ArrayList<>(problems);
        p.addAll(o.problems);
        return new LinkSet(c, t, p);
    }
}
