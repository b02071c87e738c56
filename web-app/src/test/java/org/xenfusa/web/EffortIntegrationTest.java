package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.xenfusa.sloc.effort.Asil;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.EffortEstimate;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.sloc.effort.SlocFigure;
import org.xenfusa.web.effort.EffortModels;

/** The stored effort model: SIG defaults, interpolation, ADMIN edits with history, bad values refused. */
@IntegrationTest
class EffortIntegrationTest {
    @Autowired EffortModels models;

    private static Map<Asil, DesignAssuranceLevel> crosswalk() {
        Map<Asil, DesignAssuranceLevel> m = new EnumMap<>(Asil.class);
        m.put(Asil.ASIL_D, DesignAssuranceLevel.DAL_A);
        m.put(Asil.ASIL_C, DesignAssuranceLevel.DAL_B);
        m.put(Asil.ASIL_B, DesignAssuranceLevel.DAL_C);
        m.put(Asil.ASIL_A, DesignAssuranceLevel.DAL_D);
        return m;
    }

    @Test
    void defaultsAreTheSigFiguresAndEditsAreKeptWithWho() {
        EffortModel m = models.current();
        assertThat(m.rate(DesignAssuranceLevel.DAL_A).hoursPerSloc()).isEqualTo(0.67);
        assertThat(m.rate(DesignAssuranceLevel.DAL_B).hoursPerSloc()).isCloseTo(0.435, within(1e-12));
        assertThat(m.rate(DesignAssuranceLevel.DAL_B).interpolated()).isTrue();
        assertThat(m.rate(DesignAssuranceLevel.DAL_D).hoursPerSloc()).isCloseTo(0.155, within(1e-12));
        assertThat(m.levelOf(Asil.ASIL_D)).isEqualTo(DesignAssuranceLevel.DAL_A);
        // Xen 4.22 x86_64 defconfig, make cloc: 194,896 SLOC at DAL A
        EffortEstimate a = m.estimate(DesignAssuranceLevel.DAL_A, 194_896);
        assertThat(a.hours()).isCloseTo(130_580.32, within(1e-6));
        assertThat(a.personYears()).isCloseTo(130_580.32 / 1720, within(1e-9));

        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin-7", "x", List.of()));
        try {
            assertThatThrownBy(() -> models.update(-1, null, 0.2, null, 0.11, crosswalk(), 1720, SlocFigure.MAKE_CLOC, ""))
                    .hasMessageContaining("positive");
            models.update(0.7, 0.5, 0.2, null, 0.1, crosswalk(), 1600, SlocFigure.ACTIVE_LINES, "assessor's figures");
        } finally {
            SecurityContextHolder.clearContext();
        }
        EffortModel edited = models.current();
        assertThat(edited.rate(DesignAssuranceLevel.DAL_B).interpolated()).isFalse();
        assertThat(edited.rate(DesignAssuranceLevel.DAL_D).hoursPerSloc()).isCloseTo(0.15, within(1e-12));
        assertThat(edited.rate(DesignAssuranceLevel.DAL_D).interpolated()).isTrue();
        assertThat(edited.figure()).isEqualTo(SlocFigure.ACTIVE_LINES);
        assertThat(edited.description()).contains("assessor's figures").contains("DAL D interpolated");
        var history = models.history();
        assertThat(history).hasSizeGreaterThanOrEqualTo(2);
        // the first revision is the shipped model, not an edit by whoever's request stored it
        assertThat(history.get(history.size() - 1).who()).isEqualTo(EffortModels.SHIPPED_DEFAULT);
        assertThat(history.get(history.size() - 1).shippedDefault()).isTrue();
        assertThat(history.get(0).shippedDefault()).isFalse();
        assertThat(history.get(0).who()).isEqualTo("admin-7");
        assertThat(history.get(0).rates()).contains("B 0.5").contains("1600");
        // leave the shared database's model as the other tests expect it
        models.update(0.67, null, 0.20, null, 0.11, crosswalk(), 1720, SlocFigure.MAKE_CLOC,
                "Xen FuSa SIG effort figures (hours per SLOC)");
    }
}
