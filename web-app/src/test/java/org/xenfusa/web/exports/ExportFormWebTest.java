package org.xenfusa.web.exports;

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

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.exports.ExportFormat;
import org.xenfusa.model.exports.ExportJob;
import org.xenfusa.model.exports.ExportState;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.sloc.boards.BoardCatalog;
import org.xenfusa.web.SecuredSlice;
import org.xenfusa.web.boards.BoardTable;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;

/**
 * The new-export form binds to a validated {@link ExportForm} (configurations {@code c} and boards {@code b} as
 * lists); each invalid field is shown beside it on the exports page (HTTP 400, the choices kept, nothing exported).
 */
class ExportFormWebTest extends SecuredSlice {
    @Autowired MockMvc mvc;
    @Autowired ExportService exports;
    @Autowired SourceRepositoryRepository repositories;
    @Autowired SavedConfigurationRepository configurations;
    @Autowired BoardTable boards;

    private final BoardCatalog catalog = BoardCatalog.shipped();

    @BeforeEach
    void oneRepository() {
        SourceRepository xen = mock(SourceRepository.class);
        when(xen.getId()).thenReturn(7L);
        when(xen.getName()).thenReturn("xen");
        when(repositories.findAllByOrderByNameAsc()).thenReturn(List.of(xen));
        when(boards.catalog()).thenReturn(catalog);
    }

    private MockHttpServletRequestBuilder export(String repositoryId, String ref, String format) {
        MockHttpServletRequestBuilder b = post("/exports").with(csrf()).param("c", "3").param("c", "4")
                .param("b", catalog.boards().get(0).id());
        if (repositoryId != null) {
            b.param("repositoryId", repositoryId);
        }
        if (ref != null) {
            b.param("ref", ref);
        }
        if (format != null) {
            b.param("format", format);
        }
        return b;
    }

    private String refused(MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("Not exported: check the fields marked below").doesNotContain("java.lang");
        int at = html.indexOf("id=\"export-form\"");
        return html.substring(at, html.indexOf("</form>", at));
    }

    private static String besides(String form, String field) {
        String after = form.substring(form.indexOf("name=\"" + field + "\""));
        return after.substring(0, after.indexOf("</label>"));
    }

    @Test
    @WithMockUser(username = "assessor", roles = "ASSESSOR")
    void aValidFormReachesTheServiceAsOneRequest() throws Exception {
        ExportJob job = mock(ExportJob.class);
        when(job.getId()).thenReturn(11L);
        when(job.getState()).thenReturn(ExportState.SUCCEEDED);
        when(exports.request(any(), eq(ExportFormat.DOCX), eq(Optional.empty()), eq("assessor"))).thenReturn(job);
        mvc.perform(export("7", " RELEASE-2.0 ", "DOCX")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/exports/11/download"));
        ArgumentCaptor<EvidenceRequest> request = ArgumentCaptor.forClass(EvidenceRequest.class);
        verify(exports).request(request.capture(), eq(ExportFormat.DOCX), eq(Optional.empty()), eq("assessor"));
        assertThat(request.getValue().repositoryId()).isEqualTo(7L);
        assertThat(request.getValue().ref()).isEqualTo("RELEASE-2.0");
        assertThat(request.getValue().configurationIds()).containsExactly(3L, 4L);
        assertThat(request.getValue().boardIds()).containsExactly(catalog.boards().get(0).id());
    }

    @Test
    @WithMockUser(username = "assessor", roles = "ASSESSOR")
    void aPreviousReleaseReachesTheServiceForTheChangeImpact() throws Exception {
        ExportJob job = mock(ExportJob.class);
        when(job.getId()).thenReturn(12L);
        when(job.getState()).thenReturn(ExportState.SUCCEEDED);
        when(exports.request(any(), eq(ExportFormat.EVIDENCE), eq(Optional.of("RELEASE-1.0")), eq("assessor")))
                .thenReturn(job);
        mvc.perform(export("7", "RELEASE-2.0", "EVIDENCE").param("previousRef", " RELEASE-1.0 "))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/exports/12/download"));
        verify(exports).request(any(), eq(ExportFormat.EVIDENCE), eq(Optional.of("RELEASE-1.0")), eq("assessor"));
        assertThat(besides(refused(export("7", "RELEASE-2.0", "DOCX").param("previousRef", "R".repeat(501))),
                "previousRef")).contains("the previous release is limited to 500 characters");
    }

    @Test
    @WithMockUser(username = "assessor", roles = "ASSESSOR")
    void eachInvalidFieldIsShownBesideItWithTheChoicesKept() throws Exception {
        assertThat(besides(refused(export(null, "RELEASE-2.0", "XLSX")), "repositoryId")).contains("choose the repository");
        assertThat(besides(refused(export("seven", "RELEASE-2.0", "XLSX")), "repositoryId"))
                .contains("The repository must be a whole number");
        String form = refused(export("7", " ", "XLSX"));
        assertThat(besides(form, "ref")).contains("invalid").contains("give the ref to export");
        // the ticked board stays ticked
        assertThat(form).containsPattern("value=\"" + catalog.boards().get(0).id() + "\"\\s+id=\"[^\"]+\"\\s+checked");
        assertThat(besides(refused(export("7", "RELEASE-2.0", null)), "format")).contains("choose the format");
        assertThat(besides(refused(export("7", "RELEASE-2.0", "PDF")), "format"))
                .contains("The format has a value that is not valid here");
        assertThat(refused(export("7", "RELEASE-2.0", "XLSX").param("c", "three")))
                .contains("A configuration has a value that is not valid here");
        verify(exports, never()).request(any(), any(), any(), anyString());
    }

    @Test
    @WithMockUser(username = "assessor", roles = "ASSESSOR")
    void withoutItsCsrfTokenTheFormIsRefused() throws Exception {
        mvc.perform(post("/exports").param("repositoryId", "7").param("ref", "RELEASE-2.0").param("c", "3")
                .param("format", "XLSX")).andExpect(status().isForbidden());
        verify(exports, never()).request(any(), any(), any(), anyString());
    }
}
