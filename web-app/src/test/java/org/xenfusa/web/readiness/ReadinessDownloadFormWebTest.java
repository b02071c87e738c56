package org.xenfusa.web.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.exports.ExportFormat;
import org.xenfusa.model.exports.ExportJob;
import org.xenfusa.model.exports.ExportState;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.web.SecuredSlice;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;
import org.xenfusa.web.exports.ExportService;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * The readiness page's download form binds to a validated {@link ReadinessDownloadForm}; a bad one shows the
 * readiness page again with the reasons (HTTP 400, nothing exported), never an error page.
 */
class ReadinessDownloadFormWebTest extends SecuredSlice {
    @Autowired MockMvc mvc;
    @Autowired ReadinessService readiness;
    @Autowired ExportService exports;
    @Autowired SourceRepositoryRepository repositories;
    @Autowired SavedConfigurationRepository configurations;

    @BeforeEach
    void oneRepository() {
        SourceRepository xen = mock(SourceRepository.class);
        when(xen.getId()).thenReturn(7L);
        when(xen.getName()).thenReturn("xen");
        when(repositories.findAllByOrderByNameAsc()).thenReturn(List.of(xen));
        when(repositories.findById(7L)).thenReturn(Optional.of(xen));
        when(readiness.releases(7L)).thenReturn(List.of("RELEASE-1.0", "RELEASE-2.0"));
    }

    @Test
    @WithMockUser(username = "assessor", roles = "ASSESSOR")
    void aValidFormExportsTheChosenReleaseInTheChosenFormat() throws Exception {
        ExportJob job = mock(ExportJob.class);
        when(job.getId()).thenReturn(9L);
        when(job.getState()).thenReturn(ExportState.SUCCEEDED);
        when(exports.request(any(), eq(ExportFormat.READINESS_DOCX), eq(Optional.empty()), eq("assessor")))
                .thenReturn(job);
        mvc.perform(post("/readiness/download").with(csrf()).param("repositoryId", "7").param("ref", "RELEASE-2.0")
                .param("c", "3").param("b", "rpi4").param("format", "docx")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/exports/9/download"));
        ArgumentCaptor<EvidenceRequest> request = ArgumentCaptor.forClass(EvidenceRequest.class);
        verify(exports).request(request.capture(), eq(ExportFormat.READINESS_DOCX), eq(Optional.empty()),
                eq("assessor"));
        assertThat(request.getValue().ref()).isEqualTo("RELEASE-2.0");
        assertThat(request.getValue().configurationIds()).containsExactly(3L);
        assertThat(request.getValue().boardIds()).containsExactly("rpi4");
    }

    @Test
    @WithMockUser(username = "assessor", roles = "ASSESSOR")
    void eachInvalidFieldIsShownOnTheReadinessPageAndNothingIsExported() throws Exception {
        when(readiness.evaluate(any(), any())).thenThrow(new InvalidInputException("RELEASE-2.0 is not ingested"));
        String[][] cases = {{"repositoryId", "", "choose the repository"},
                {"repositoryId", "seven", "The repository must be a whole number"},
                {"ref", " ", "choose the release tag"}, {"format", "pdf", "the format is docx or xlsx"},
                {"format", "", "choose the format: docx or xlsx"},
                {"c", "three", "A configuration has a value that is not valid here"}};
        for (String[] c : cases) {
            Map<String, String> fields = new HashMap<>(Map.of("repositoryId", "7", "ref", "RELEASE-2.0", "format",
                    "xlsx"));
            fields.put(c[0], c[1]);
            var b = post("/readiness/download").with(csrf());
            fields.forEach(b::param);
            String html = mvc.perform(b).andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString();
            int at = html.indexOf("id=\"download-errors\"");
            assertThat(at).as(c[0]).isPositive();
            assertThat(html.substring(at, html.indexOf("</div>", at))).as(c[0]).contains(c[2]);
            assertThat(html).contains("Release readiness").contains("Not exported: see the reasons below")
                    .doesNotContain("java.lang");
        }
        verify(exports, never()).request(any(), any(), any(), anyString());
    }

    @Test
    @WithMockUser(username = "assessor", roles = "ASSESSOR")
    void withoutItsCsrfTokenTheFormIsRefused() throws Exception {
        mvc.perform(post("/readiness/download").param("repositoryId", "7").param("ref", "RELEASE-2.0")
                .param("format", "docx")).andExpect(status().isForbidden());
        verify(exports, never()).request(any(), any(), any(), anyString());
    }
}
