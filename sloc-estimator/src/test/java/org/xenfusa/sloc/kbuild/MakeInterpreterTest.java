package org.xenfusa.sloc.kbuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** GNU make semantics the evaluator relies on; each expectation was checked with GNU make 4.3 on the same text. */
// [utest->dsn~makefile-walk~1] [utest->err~compiled-file-missed~1]
class MakeInterpreterTest {
    private final List<KbuildWarning> warnings = new ArrayList<>();

    private MakeInterpreter run(String text) {
        BuildFolder folder = new BuildFolder() {
            @Override
            public Optional<KbuildMakefile> makefile(String path) {
                return Optional.empty();
            }

            @Override
            public boolean isFile(String path) {
                return List.of("d/one.c", "d/two.c", "d/three.S").contains(path);
            }

            @Override
            public boolean isDirectory(String path) {
                return path.equals("d");
            }

            @Override
            public List<String> files() {
                return List.of("d/one.c", "d/three.S", "d/two.c");
            }
        };
        MakeInterpreter m = new MakeInterpreter(folder, warnings);
        m.evaluate(KbuildMakefile.parse("test.mk", text));
        return m;
    }

    @Test
    void assignmentFlavours() {
        MakeInterpreter m = run("""
                a = $(b)
                b := one
                c := $(d)
                d = two
                e ?= first
                e ?= second
                f := x
                f += y
                g = $(h)
                g += z
                h = w
                override-me := kept
                """);
        assertThat(m.value("a")).isEqualTo("one");
        assertThat(m.value("c")).isEmpty();
        assertThat(m.value("e")).isEqualTo("first");
        assertThat(m.value("f")).isEqualTo("x y");
        assertThat(m.value("g")).isEqualTo("w z");
    }

    @Test
    void textFunctions() {
        MakeInterpreter m = run("""
                comma := ,
                l := a.o b.o c.init.o
                r1 := $(filter %.init.o,$(l))
                r2 := $(filter-out %.init.o,$(l))
                r3 := $(patsubst %.o,%.c,$(l))
                r4 := $(l:.o=.c)
                r5 := $(subst .,-,a.b.c)
                r6 := $(addprefix d/,$(l))
                r7 := $(foreach n,1 2,x$(n))
                r8 := $(if ,yes,no) $(if x,yes,no)
                r9 := $(sort c b a b)
                fn = <$(1)|$(2)>
                r10 := $(call fn,p,q)
                r11 := $(firstword $(wildcard d/*.c)) $(words $(wildcard d/*))
                r12 := $(notdir d/x.c) $(dir d/x.c) $(basename d/x.c) $(suffix d/x.c)
                r13 := $(strip   a   b  )$(comma)$(findstring b,abc)
                r14 := $(or ,,z) $(and a,b)
                r15 := $(word 2,a b c) $(wordlist 2,3,a b c d) $(lastword a b)
                """);
        assertThat(m.value("r1")).isEqualTo("c.init.o");
        assertThat(m.value("r2")).isEqualTo("a.o b.o");
        assertThat(m.value("r3")).isEqualTo("a.c b.c c.init.c");
        assertThat(m.value("r4")).isEqualTo("a.c b.c c.init.c");
        assertThat(m.value("r5")).isEqualTo("a-b-c");
        assertThat(m.value("r6")).isEqualTo("d/a.o d/b.o d/c.init.o");
        assertThat(m.value("r7")).isEqualTo("x1 x2");
        assertThat(m.value("r8")).isEqualTo("no yes");
        assertThat(m.value("r9")).isEqualTo("a b c");
        assertThat(m.value("r10")).isEqualTo("<p|q>");
        assertThat(m.value("r11")).isEqualTo("d/one.c 3");
        assertThat(m.value("r12")).isEqualTo("x.c d/ d/x .c");
        assertThat(m.value("r13")).isEqualTo("a b,b");
        assertThat(m.value("r14")).isEqualTo("z b");
        assertThat(m.value("r15")).isEqualTo("b b c b");
    }

    @Test
    void conditionalsDefineAndEval() {
        MakeInterpreter m = run("""
                X := y
                ifeq ($(X),y)
                  r1 := eq
                else ifeq ($(X),n)
                  r1 := n
                else
                  r1 := other
                endif
                ifneq '$(X)' 'y'
                  r2 := wrong
                else
                  r2 := right
                endif
                ifdef UNSET
                  r3 := wrong
                endif
                ifndef UNSET
                  r3 := right # a comment
                endif
                define add-obj
                objs += $(1).o
                endef
                $(eval $(call add-obj,first))
                $(eval $(call add-obj,second))
                """);
        assertThat(m.value("r1")).isEqualTo("eq");
        assertThat(m.value("r2")).isEqualTo("right");
        assertThat(m.value("r3").strip()).isEqualTo("right");
        assertThat(m.value("objs")).isEqualTo("first.o second.o");
        assertThat(warnings).isEmpty();
    }

    @Test
    void rulesRecordRecipesAndStaticPatterns() {
        MakeInterpreter m = run("""
                objs := a.init.o b.o
                $(filter %.init.o,$(objs)): %.init.o: %.o FORCE
                \tobjcopy $< $@
                x.o: y.o
                d/%.c: src/%.c FORCE
                \tln -s $< $@
                t.o: CFLAGS += -DX
                """);
        assertThat(m.rules()).containsExactly(
                new MakeRule(List.of("a.init.o"), List.of("a.o", "FORCE"), true, "test.mk", 2),
                new MakeRule(List.of("x.o"), List.of("y.o"), false, "test.mk", 4),
                new MakeRule(List.of("d/%.c"), List.of("src/%.c", "FORCE"), true, "test.mk", 5));
    }

    @Test
    void continuationLinesJoinWithOneSpace() {
        MakeInterpreter m = run("v := a \\\n     b\\\n c\n");
        assertThat(m.value("v")).isEqualTo("a b c");
    }
}
