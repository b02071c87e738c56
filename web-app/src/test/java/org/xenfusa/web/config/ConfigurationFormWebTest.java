package org.xenfusa.web.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.web.SecuredSlice;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * The new-configuration form binds to a validated {@link ConfigurationForm} given whole to the service; each invalid
 * field is shown beside it on the configurations page (HTTP 400, what was typed kept, nothing created).
 */
class ConfigurationFormWebTest extends SecuredSlice {
    @Autowired MockMvc mvc;
    @Autowired ConfigurationService service;
    @Autowired SavedConfigurationRepository configurations;
    @Autowired SourceRepositoryRepository repositories;
    @Autowired SnapshotRepository snapshots;
    @Autowired ConfigurationHistory history;

    @BeforeEach
    void oneRepository() {
        SourceRepository xen = mock(SourceRepository.class);
        when(xen.getId()).thenReturn(7L);
        when(xen.getName()).thenReturn("xen");
        when(repositories.findAllByOrderByNameAsc()).thenReturn(List.of(xen));
        when(repositories.findById(7L)).thenReturn(Optional.of(xen));
    }

    private static Map<String, String> valid() {
        return new HashMap<>(Map.of("name", "arm64-small", "repositoryId", "7", "ref", "RELEASE-4.22.0", "arch", "arm64",
                "startKind", "DEFCONFIG", "startValue", "", "toolchain", "debian12-gcc12-aarch64", "overrides",
                "CONFIG_DEBUG=n", "description", "the small one"));
    }

    private static MockHttpServletRequestBuilder create(Map<String, String> fields) {
        MockHttpServletRequestBuilder b = post("/configurations").with(csrf());
        fields.forEach(b::param);
        return b;
    }

    private static String form(String html) {
        int at = html.indexOf("id=\"config-form\"");
        assertThat(at).isPositive();
        return html.substring(at, html.indexOf("</form>", at));
    }

    @Test
    @WithMockUser(username = "engineer", roles = "ENGINEER")
    void theEmptyFormIsShownAndAValidOneReachesTheServiceAsOneRecord() throws Exception {
        assertThat(form(mvc.perform(get("/configurations")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString())).contains("name=\"startValue\"").contains("<option value=\"DEFCONFIG\" selected=\"selected\">");
        SavedConfiguration saved = mock(SavedConfiguration.class);
        when(saved.getId()).thenReturn(3L);
        when(saved.getName()).thenReturn("arm64-small");
        when(service.create(any(), eq("engineer"))).thenReturn(saved);
        mvc.perform(create(valid())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/configurations/3"));
        verify(service).create(new ConfigurationForm("arm64-small", 7L, "RELEASE-4.22.0", "arm64", StartKind.DEFCONFIG,
                "", "CONFIG_DEBUG=n", "debian12-gcc12-aarch64", "the small one"), "engineer");
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "name         |          | give the configuration a name",
        "name         | LONG     | the name is limited to 200 characters",
        "repositoryId |          | choose the repository",
        "repositoryId | seven    | The repository must be a whole number",
        "repositoryId | 99       | no such repository",
        "ref          | ' '      | give the ref (a tag, branch or commit)",
        "arch         | aarch64  | not an architecture Xen builds for",
        "startKind    |          | choose the starting point",
        "startKind    | MENU     | The starting point has a value that is not valid here",
        "toolchain    | clang-99 | not a shipped toolchain profile",
        "description  | LONG     | the description is limited to 10,000 characters"})
    @WithMockUser(username = "engineer", roles = "ENGINEER")
    void anInvalidFieldIsShownBesideItAndNothingIsCreated(String field, String value, String message) throws Exception {
        Map<String, String> fields = valid();
        fields.put(field, value == null ? "" : value.equals("LONG") ? "x".repeat(10_001) : value);
        String html = mvc.perform(create(fields)).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        String form = form(html);
        String after = form.substring(form.indexOf("name=\"" + field + "\""));
        assertThat(after.substring(0, after.indexOf("</label>"))).contains("invalid").contains(message);
        assertThat(html).contains("Not created: check the fields marked below").doesNotContain("java.lang");
        if (!field.equals("description")) {
            assertThat(form).contains("value=\"the small one\"");
        }
        verify(service, never()).create(any(), anyString());
    }

    @Test
    @WithMockUser(username = "engineer", roles = "ENGINEER")
    void aRefusalOfTheServiceIsShownOnTheFormWithWhatWasTyped() throws Exception {
        when(service.create(any(), anyString())).thenThrow(new InvalidInputException(
                "A configuration named 'arm64-small' exists already"));
        String form = form(mvc.perform(create(valid())).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString());
        assertThat(form).contains("A configuration named &#39;arm64-small&#39; exists already")
                .contains("CONFIG_DEBUG=n</textarea>");
    }

    @Test
    @WithMockUser(username = "engineer", roles = "ENGINEER")
    void withoutItsCsrfTokenTheFormIsRefused() throws Exception {
        MockHttpServletRequestBuilder b = post("/configurations");
        valid().forEach(b::param);
        mvc.perform(b).andExpect(status().isForbidden());
        verify(service, never()).create(any(), anyString());
    }

    @Test
    @WithMockUser(username = "viewer", roles = "VIEWER")
    void aViewerCreatesNothing() throws Exception {
        mvc.perform(create(valid())).andExpect(status().isForbidden());
        verify(service, never()).create(any(), anyString());
    }
}
