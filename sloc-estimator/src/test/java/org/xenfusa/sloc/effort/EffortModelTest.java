package org.xenfusa.sloc.effort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The default model's figures, computed by hand. */
// [utest->dsn~effort-model~1] [utest->err~effort-miscomputed~1]
class EffortModelTest {
    private final EffortModel model = EffortModel.xenFusaSig();

    @Test
    void sigFiguresAndInterpolatedNeighbours() {
        assertThat(model.rate(DesignAssuranceLevel.DAL_A).hoursPerSloc()).isEqualTo(0.67);
        assertThat(model.rate(DesignAssuranceLevel.DAL_B).hoursPerSloc()).isCloseTo(0.435, within(1e-12));
        assertThat(model.rate(DesignAssuranceLevel.DAL_C).hoursPerSloc()).isEqualTo(0.20);
        assertThat(model.rate(DesignAssuranceLevel.DAL_D).hoursPerSloc()).isCloseTo(0.155, within(1e-12));
        assertThat(model.rate(DesignAssuranceLevel.DAL_E).hoursPerSloc()).isEqualTo(0.11);
        assertThat(model.rates()).extracting(LevelRate::interpolated).containsExactly(false, true, false, true, false);
        assertThat(model.description()).contains("ISO 26262 defines no normative mapping");
        assertThat(model.figure()).isEqualTo(SlocFigure.MAKE_CLOC);
    }

    @Test
    void hoursAndPersonYearsOfXenX86Defconfig() {
        // 194,896 SLOC (make cloc of x86_64 defconfig): DAL A 130,580.32 h = 75.9188 person-years at 1,720 h
        Map<DesignAssuranceLevel, EffortEstimate> e = model.estimates(194_896);
        assertThat(e.get(DesignAssuranceLevel.DAL_A).hours()).isCloseTo(130_580.32, within(1e-6));
        assertThat(e.get(DesignAssuranceLevel.DAL_A).personYears()).isCloseTo(130_580.32 / 1720, within(1e-9));
        assertThat(e.get(DesignAssuranceLevel.DAL_B).hours()).isCloseTo(84_779.76, within(1e-6));
        assertThat(e.get(DesignAssuranceLevel.DAL_B).interpolated()).isTrue();
        assertThat(e.get(DesignAssuranceLevel.DAL_E).hours()).isCloseTo(21_438.56, within(1e-6));
        assertThat(e.get(DesignAssuranceLevel.DAL_E).interpolated()).isFalse();
    }

    @Test
    void asilCrosswalkAndDelta() {
        assertThat(model.levelOf(Asil.ASIL_D)).isEqualTo(DesignAssuranceLevel.DAL_A);
        assertThat(model.levelOf(Asil.ASIL_C)).isEqualTo(DesignAssuranceLevel.DAL_B);
        assertThat(model.levelOf(Asil.ASIL_B)).isEqualTo(DesignAssuranceLevel.DAL_C);
        assertThat(model.levelOf(Asil.ASIL_A)).isEqualTo(DesignAssuranceLevel.DAL_D);
        // 1,000 SLOC fewer at DAL C: -200 h
        EffortEstimate d = model.estimate(DesignAssuranceLevel.DAL_C, 4_000).minus(model.estimate(DesignAssuranceLevel.DAL_C, 5_000));
        assertThat(d.sloc()).isEqualTo(-1000);
        assertThat(d.hours()).isCloseTo(-200, within(1e-9));
    }

    @Test
    void anAdminSetRateIsNoLongerInterpolatedAndBadModelsAreRefused() {
        EffortModel set = model.withRate(DesignAssuranceLevel.DAL_B, 0.5, "set by ADMIN");
        assertThat(set.rate(DesignAssuranceLevel.DAL_B).interpolated()).isFalse();
        assertThat(set.estimate(DesignAssuranceLevel.DAL_B, 10).hours()).isEqualTo(5.0);
        assertThat(model.withHoursPerPersonYear(1000).estimate(DesignAssuranceLevel.DAL_C, 10_000).personYears()).isEqualTo(2.0);
        assertThatThrownBy(() -> new EffortModel("x", "", List.of(), model.asilToDal(), 1720, SlocFigure.MAKE_CLOC))
                .hasMessageContaining("DAL A to E");
        assertThatThrownBy(() -> model.withHoursPerPersonYear(0)).hasMessageContaining("person-year");
    }

    @Test
    void itsTextIsTheSameHoweverItsCrosswalkWasGiven() {
        // the analysis results' input key carries this text: with Map.copyOf's per-JVM order, every restart of the
        // platform (and every other instance) saw another key and computed every stored result again
        Map<Asil, DesignAssuranceLevel> reversed = new java.util.LinkedHashMap<>();
        for (int i = Asil.values().length - 1; i >= 0; i--) {
            reversed.put(Asil.values()[i], model.levelOf(Asil.values()[i]));
        }
        EffortModel again = new EffortModel(model.name(), model.description(), model.rates(), reversed,
                model.hoursPerPersonYear(), model.figure());
        assertThat(again.asilToDal().keySet()).containsExactly(Asil.values());
        assertThat(model.asilToDal().keySet()).containsExactly(Asil.values());
        assertThat(again.toString()).isEqualTo(model.toString());
        assertThat(again).isEqualTo(model);
    }
}
