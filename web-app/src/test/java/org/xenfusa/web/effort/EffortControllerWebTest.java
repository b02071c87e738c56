package org.xenfusa.web.effort;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.sloc.effort.Asil;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.SlocFigure;
import org.xenfusa.web.security.SecurityConfig;

/** The effort model form: every field bound to the service, errors shown, ADMIN only. */
@WebMvcTest(EffortController.class)
@Import(SecurityConfig.class)
class EffortControllerWebTest {
    @Autowired
    MockMvc mvc;

    @MockitoBean
    EffortModels models;

    @MockitoBean
    AppUserRepository users;

    private static MockHttpServletRequestBuilder form() {
        return form("", "");
    }

    /** The complete form, with one field given another value (an empty value leaves it out). */
    private static MockHttpServletRequestBuilder form(String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("dalA", "1.5");
        fields.put("dalC", "0.5");
        fields.put("dalE", "0");
        fields.put("asilA", "DAL_D");
        fields.put("asilB", "DAL_C");
        fields.put("asilC", "DAL_B");
        fields.put("asilD", "DAL_A");
        fields.put("hoursPerPersonYear", "1600");
        fields.put("figure", SlocFigure.values()[0].name());
        fields.put("source", "our own audit");
        if (value.isEmpty()) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        MockHttpServletRequestBuilder request = post("/effort").with(csrf());
        fields.forEach((k, v) -> request.param(k, v));
        return request;
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void theFormIsBoundToTheModelUpdate() throws Exception {
        mvc.perform(form()).andExpect(redirectedUrl("/effort")).andExpect(flash().attribute("notice", "Effort model saved"));
        verify(models).update(eq(1.5), isNull(), eq(0.5), isNull(), eq(0.0),
                eq(Map.of(Asil.ASIL_A, DesignAssuranceLevel.DAL_D, Asil.ASIL_B, DesignAssuranceLevel.DAL_C,
                        Asil.ASIL_C, DesignAssuranceLevel.DAL_B, Asil.ASIL_D, DesignAssuranceLevel.DAL_A)),
                eq(1600.0), eq(SlocFigure.values()[0]), eq("our own audit"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aRefusedModelIsReportedNotSaved() throws Exception {
        when(models.update(anyDouble(), any(), anyDouble(), any(), anyDouble(), any(), anyDouble(), any(), anyString()))
                .thenThrow(new IllegalArgumentException("rates must fall from DAL A to DAL E"));
        mvc.perform(form()).andExpect(redirectedUrl("/effort"))
                .andExpect(flash().attribute("error", "Not saved: rates must fall from DAL A to DAL E"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aMissingOrMalformedFieldIsABadRequest() throws Exception {
        // an unknown level, a rate that is not a number, a required rate left out
        mvc.perform(form("asilB", "ASIL_X")).andExpect(status().isBadRequest());
        mvc.perform(form("dalA", "many")).andExpect(status().isBadRequest());
        mvc.perform(form("dalC", "")).andExpect(status().isBadRequest());
        verifyNoInteractions(models);
    }

    @Test
    @WithMockUser(roles = "ENGINEER")
    void onlyAnAdminChangesTheModel() throws Exception {
        mvc.perform(form()).andExpect(status().isForbidden());
        verifyNoInteractions(models);
    }
}
