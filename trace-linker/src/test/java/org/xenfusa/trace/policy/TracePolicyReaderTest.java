package org.xenfusa.trace.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xenfusa.trace.spec.ImportProblem;
import org.xenfusa.trace.spec.ItemStatus;
import org.xenfusa.trace.spec.Location;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationItemId;

/** Policy files: what a good one says, and every bad one refused with file, line and problem. */
// [utest->dsn~trace-policy~1]
class TracePolicyReaderTest {
    private static TracePolicy parse(String yaml) throws TracePolicyException {
        return TracePolicy.parse("policy.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<ImportProblem> problems(String yaml) {
        try {
            parse(yaml);
        } catch (TracePolicyException e) {
            return e.problems();
        }
        throw new AssertionError("accepted: " + yaml);
    }

    private static SpecificationItem item(String id, String path, List<String> needs, List<String> tags) {
        return new SpecificationItem(SpecificationItemId.parse(id), "t", "d", "", "", new Location(path, 3),
                ItemStatus.APPROVED, List.of(), List.of(), needs, tags, false);
    }

    @Test
    void shippedPoliciesAreValidAndOftChangesNothing() {
        TracePolicy oft = TracePolicy.oft();
        assertThat(oft.name()).isEqualTo("oft");
        assertThat(oft.isOftEquivalent()).isTrue();
        assertThat(oft.sha256()).matches("[0-9a-f]{64}");
        assertThat(oft.label()).startsWith("oft 1 (sha256:" + oft.sha256().substring(0, 12));
        TracePolicy xen = TracePolicy.xen();
        assertThat(xen.isOftEquivalent()).isFalse();
        assertThat(xen.types()).containsKeys("XenMkt", "XenProd", "XenSwdgn");
        assertThat(xen.types().get("XenSwdgn").needs()).contains(List.of("impl", "utest"));
        assertThat(xen.types().get("XenProd").coveredBy()).containsExactly("XenSwdgn");
        assertThat(xen.text()).isEqualTo(new String(TracePolicy.shippedText("xen"), StandardCharsets.UTF_8));
        assertThatThrownBy(() -> TracePolicy.shipped("nope")).hasMessageContaining("oft, xen");
    }

    @Test
    void typeRulesDecideWantedLinksAndCoverage() throws Exception {
        TracePolicy p = parse("""
                name: t
                version: "2"
                types:
                  Mkt:
                    covered-by: [Prod]
                  Prod:
                    covered-by: [Dsn, Alt]
                    required: false
                  Dsn:
                    needs: [impl, utest]
                  Alt:
                """);
        assertThat(p.version()).isEqualTo("2");
        SpecificationItem dsn = item("Dsn~a~1", "d.md", List.of(), List.of());
        assertThat(p.wanted(dsn, "impl")).isTrue();
        assertThat(p.wanted(dsn, "itest")).isFalse();
        assertThat(p.needs(dsn)).containsExactly("impl", "utest");
        assertThat(p.uncovered(dsn, java.util.Set.of("impl"))).containsExactly("utest");
        SpecificationItem mkt = item("Mkt~m~1", "m.md", List.of("Prod"), List.of());
        assertThat(p.uncovered(mkt, java.util.Set.of())).containsExactly("Prod");
        // its own Needs: stay in force when the policy names no needs for the type
        SpecificationItem mktNeeds = item("Mkt~m~1", "m.md", List.of("Other"), List.of());
        assertThat(p.uncovered(mktNeeds, java.util.Set.of("Prod"))).containsExactly("Other");
        SpecificationItem prod = item("Prod~p~1", "p.md", List.of(), List.of());
        assertThat(p.wanted(prod, "Alt")).isTrue();
        assertThat(p.uncovered(prod, java.util.Set.of())).isEmpty();
        // a type the policy does not name: OpenFastTrace's rule
        SpecificationItem other = item("req~r~1", "r.md", List.of("dsn"), List.of());
        assertThat(p.wanted(other, "dsn")).isTrue();
        assertThat(p.wanted(other, "impl")).isFalse();
        assertThat(p.uncovered(other, java.util.Set.of())).containsExactly("dsn");
    }

    @Test
    void conditionsComeFromLocationTagsAndItemRules() throws Exception {
        TracePolicy p = parse("""
                name: t
                applicability:
                  unconditioned: applies
                  tags: true
                  locations:
                    - path: "docs/reqs/arm64/**"
                      arch: aarch64
                  items:
                    - id: "Dsn~uart_*"
                      config: [SBSA_VUART_CONSOLE, "!CONFIG_HVM"]
                    - id: "Dsn~board_thing~2"
                      board: [rpi4, zcu102]
                """);
        SpecificationItem arm = item("Dsn~uart_tx~1", "docs/reqs/arm64/uart.rst", List.of(), List.of());
        assertThat(p.conditions(arm)).extracting(Condition::describe).containsExactly(
                "arch arm64 (policy t, location docs/reqs/arm64/**)",
                "CONFIG_SBSA_VUART_CONSOLE, !CONFIG_HVM (policy t, item Dsn~uart_*)");
        Target x86 = new Target(Optional.of("x86_64"), Map.of("CONFIG_HVM", "y"), Optional.empty());
        assertThat(p.conditions(arm).get(0).failure(x86)).hasValueSatisfying(r -> assertThat(r)
                .isEqualTo("applies to arm64 only (policy t, location docs/reqs/arm64/**); this configuration is x86_64"));
        Target armNoUart = new Target(Optional.of("arm64"), Map.of("CONFIG_SBSA_VUART_CONSOLE", "n"), Optional.empty());
        assertThat(p.conditions(arm).get(0).failure(armNoUart)).isEmpty();
        assertThat(p.conditions(arm).get(1).failure(armNoUart)).hasValue("applies only with CONFIG_SBSA_VUART_CONSOLE"
                + " (policy t, item Dsn~uart_*); CONFIG_SBSA_VUART_CONSOLE is n in this configuration");
        Target armUart = new Target(Optional.of("arm64"), Map.of("CONFIG_SBSA_VUART_CONSOLE", "y"), Optional.empty());
        assertThat(p.conditions(arm)).allSatisfy(c -> assertThat(c.failure(armUart)).isEmpty());
        // a configuration that states nothing decides nothing
        assertThat(p.conditions(arm)).allSatisfy(c -> assertThat(c.failure(Target.UNKNOWN)).isEmpty());

        SpecificationItem tagged = item("Dsn~t~1", "docs/reqs/common.rst", List.of(),
                List.of("arch:x86_64", "config:CONFIG_HVM", "board:qemu", "safety"));
        assertThat(p.conditions(tagged)).singleElement().satisfies(c -> {
            assertThat(c.architectures()).containsExactly("x86_64");
            assertThat(c.config()).containsExactly("CONFIG_HVM");
            assertThat(c.boards()).containsExactly("qemu");
            assertThat(c.failure(new Target(Optional.of("x86_64"), Map.of("CONFIG_HVM", "y"), Optional.of("rpi4"))))
                    .hasValueSatisfying(r -> assertThat(r).startsWith("applies to board qemu only (tags of"));
        });
        // the item rule with a revision matches that revision only
        assertThat(p.conditions(item("Dsn~board_thing~2", "x.md", List.of(), List.of()))).hasSize(1);
        assertThat(p.conditions(item("Dsn~board_thing~1", "x.md", List.of(), List.of()))).isEmpty();
        assertThat(p.unconditionedApplies()).isTrue();
    }

    @Test
    void kconfigValuesCompareAsTheConfigWritesThem() {
        Condition c = new Condition("s", List.of(), List.of("CONFIG_NR_CPUS=128", "!CONFIG_DEBUG"), List.of());
        assertThat(c.failure(new Target(Optional.empty(), Map.of("CONFIG_NR_CPUS", "128"), Optional.empty()))).isEmpty();
        assertThat(c.failure(new Target(Optional.empty(), Map.of("CONFIG_NR_CPUS", "64"), Optional.empty())))
                .hasValueSatisfying(r -> assertThat(r).contains("CONFIG_NR_CPUS is 64"));
        assertThat(c.failure(new Target(Optional.empty(), Map.of("CONFIG_NR_CPUS", "128", "CONFIG_DEBUG", "y"),
                Optional.empty()))).hasValueSatisfying(r -> assertThat(r).contains("!CONFIG_DEBUG"));
    }

    @Test
    void badPoliciesNameFileLineAndProblem() {
        assertThat(problems("""
                name: t
                types:
                  Mkt:
                    covered-by: [Prod]
                """)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(new Location("policy.yaml", 4));
            assertThat(p.message()).contains("unknown item type 'Prod' in covered-by of Mkt");
        });
        assertThat(problems("""
                name: t
                types:
                  A:
                    covered-by: [B]
                  B:
                    covered-by: C
                  C:
                    covered-by: [A]
                """)).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(4);
            assertThat(p.message()).isEqualTo("cycle in covered-by: A covered-by B covered-by C covered-by A");
        });
        assertThat(problems("""
                name: t
                types:
                  A:
                    needs: [impl]
                    wants: [utest]
                """)).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(5);
            assertThat(p.message()).startsWith("unknown key 'wants' (allowed: covered-by, needs, required)");
        });
        assertThat(problems("""
                name: t
                colour: red
                """)).singleElement().satisfies(p -> assertThat(p.location().line()).isEqualTo(2));
        assertThat(problems("""
                name: t
                types:
                  A:
                    required: maybe
                """)).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(4);
            assertThat(p.message()).isEqualTo("'required' must be true or false");
        });
        assertThat(problems("""
                name: t
                types:
                  A:
                    needs: {impl: 1}
                """)).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(4);
            assertThat(p.message()).isEqualTo("'needs' must be a text or a list of texts");
        });
        assertThat(problems("""
                name: t
                types: [A, B]
                """)).singleElement().satisfies(p -> assertThat(p.location().line()).isEqualTo(2));
        assertThat(problems("""
                name: t
                applicability:
                  unconditioned: sometimes
                  locations:
                    - path: "a/**"
                      arch: sparc
                    - path: "b/**"
                      config: "!X=y"
                    - path: "c/**"
                """)).extracting(p -> p.location().line() + ": " + p.message()).containsExactly(
                "3: 'unconditioned' must be 'applies' or 'compiled-code'",
                "6: unknown architecture 'sparc' (x86_64, arm64, arm32, riscv64, ppc64)",
                "8: '!X=y' is not a Kconfig term (CONFIG_X, !CONFIG_X, CONFIG_X=value)",
                "9: a location rule needs 'arch', 'config' or 'board'");
        assertThat(problems("""
                name: t
                name: u
                """)).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(2);
            assertThat(p.message()).isEqualTo("duplicate key 'name'");
        });
        assertThat(problems("version: 1\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("'name' is required and must be text"));
        assertThat(problems("")).singleElement().satisfies(p -> assertThat(p.message()).contains("'name' is required"));
        assertThat(problems("name: !!java.io.File /etc\n")).isNotEmpty();
    }
}
