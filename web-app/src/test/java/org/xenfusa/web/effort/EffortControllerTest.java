package org.xenfusa.web.effort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xenfusa.web.SecuredSlice;
import org.xenfusa.model.effort.EffortModelSettings;
import org.xenfusa.sloc.effort.Asil;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.sloc.effort.SlocFigure;

/** The effort form: its ASIL selects are rendered, it binds to a validated record, bad input is shown, not a 400 page. */
class EffortControllerTest extends SecuredSlice {
    @Autowired MockMvc mvc;
    @Autowired EffortModels models;

    @BeforeEach
    void sigModel() {
        EffortModel sig = EffortModel.xenFusaSig();
        when(models.settings()).thenReturn(new EffortModelSettings("default", 0.67, null, 0.20, null, 0.11,
                sig.levelOf(Asil.ASIL_A).name(), sig.levelOf(Asil.ASIL_B).name(), sig.levelOf(Asil.ASIL_C).name(),
                sig.levelOf(Asil.ASIL_D).name(), 1720, "MAKE_CLOC", "Xen FuSa SIG effort figures (hours per SLOC)"));
        when(models.current()).thenReturn(sig);
        when(models.history()).thenReturn(List.of());
    }

    private static MockHttpServletRequestBuilder save(Map<String, String> fields) {
        MockHttpServletRequestBuilder b = post("/effort").with(csrf());
        fields.forEach(b::param);
        return b;
    }

    private static Map<String, String> valid() {
        return new java.util.HashMap<>(Map.ofEntries(Map.entry("dalA", "0.7"), Map.entry("dalB", ""),
                Map.entry("dalC", "0.25"), Map.entry("dalD", ""), Map.entry("dalE", "0.1"),
                Map.entry("asilA", "DAL_D"), Map.entry("asilB", "DAL_B"), Map.entry("asilC", "DAL_B"),
                Map.entry("asilD", "DAL_A"), Map.entry("hoursPerPersonYear", "1600"),
                Map.entry("figure", "ACTIVE_LINES"), Map.entry("source", "assessor's figures")));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void theFormHasASelectPerAsilWithTheModelsLevelChosen() throws Exception {
        String html = mvc.perform(get("/effort")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        EffortModel sig = EffortModel.xenFusaSig();
        for (Asil a : Asil.values()) {
            String name = "asil" + a.name().charAt(5);
            int at = html.indexOf("<select id=\"" + name + "\" name=\"" + name + "\"");
            assertThat(at).as("a select for " + a).isPositive();
            String select = html.substring(at, html.indexOf("</select>", at));
            assertThat(select).contains("<option value=\"" + sig.levelOf(a).name() + "\" selected=\"selected\">");
            assertThat(select.split("<option").length - 1).isEqualTo(DesignAssuranceLevel.values().length);
        }
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aValidFormIsSavedWithEmptyLevelsInterpolated() throws Exception {
        mvc.perform(save(valid())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/effort"));
        verify(models).update(eq(0.7), isNull(), eq(0.25), isNull(), eq(0.1),
                eq(Map.of(Asil.ASIL_A, DesignAssuranceLevel.DAL_D, Asil.ASIL_B, DesignAssuranceLevel.DAL_B,
                        Asil.ASIL_C, DesignAssuranceLevel.DAL_B, Asil.ASIL_D, DesignAssuranceLevel.DAL_A)),
                eq(1600.0), eq(SlocFigure.ACTIVE_LINES), eq("assessor's figures"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aMissingMappingOrABadRateIsShownOnTheFormAndNothingIsSaved() throws Exception {
        Map<String, String> form = valid();
        form.remove("asilA");
        form.put("dalC", "-1");
        String html = mvc.perform(save(form)).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("id=\"form-errors\"").contains("choose the DAL used for ASIL A")
                .contains("DAL C: hours per SLOC must be positive").doesNotContain("Required request parameter");
        // what was typed stays in the form
        assertThat(html).contains("id=\"dalC\" name=\"dalC\" value=\"-1.0\"");

        form = valid();
        form.put("hoursPerPersonYear", "many");
        html = mvc.perform(save(form)).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Hours per person-year must be a number").doesNotContain("java.lang");
        verify(models, never()).update(anyDouble(), any(), anyDouble(), any(), anyDouble(), any(), anyDouble(), any(),
                anyString());
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void onlyAnAdminSaves() throws Exception {
        mvc.perform(save(valid())).andExpect(status().isForbidden());
        verify(models, never()).update(anyDouble(), any(), anyDouble(), any(), anyDouble(), any(), anyDouble(), any(),
                anyString());
    }
}
