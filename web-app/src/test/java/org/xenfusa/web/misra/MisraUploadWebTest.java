package org.xenfusa.web.misra;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.xenfusa.web.SecuredSlice;

/** Uploading MISRA findings: engineers and admins only; a file that cannot be read stores nothing and says why. */
class MisraUploadWebTest extends SecuredSlice {
    @Autowired MockMvc mvc;
    @Autowired MisraService misra;

    private static final MockMultipartFile FILE = new MockMultipartFile("file", "cppcheck.txt", "text/plain",
            "xen/common/a.c(1,1):misra-c2012-15.6:style:body\n".getBytes(StandardCharsets.UTF_8));

    @Test
    @WithMockUser(username = "viewer", roles = "VIEWER")
    void aViewerCannotUpload() throws Exception {
        mvc.perform(multipart("/misra/1/findings").file(FILE).param("configuration", "2").with(csrf()))
                .andExpect(status().isForbidden());
        verify(misra, never()).importFindings(anyLong(), anyLong(), anyString(), any(), anyString());
    }

    @Test
    @WithMockUser(username = "engineer", roles = "ENGINEER")
    void anEngineerUploadsAndIsToldWhatWasStored() throws Exception {
        when(misra.importFindings(eq(1L), eq(2L), eq("cppcheck.txt"), any(), eq("engineer"))).thenReturn(
                new MisraService.Outcome(Optional.of(new MisraService.StoredFindings(7, "cppcheck.txt",
                        "xen-analysis-text", "ab".repeat(32), 1, "engineer", OffsetDateTime.now())), List.of()));
        mvc.perform(multipart("/misra/1/findings").file(FILE).param("configuration", "2").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/misra/1?configuration=2"))
                .andExpect(flash().attribute("notice", "Imported 1 findings from cppcheck.txt (sha256 "
                        + "ab".repeat(32) + ")"));
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void aFileThatCannotBeReadIsRefusedWithItsLine() throws Exception {
        when(misra.importFindings(anyLong(), anyLong(), anyString(), any(), anyString())).thenReturn(
                new MisraService.Outcome(Optional.empty(), List.of("cppcheck.txt:3: malformed XML: boom")));
        mvc.perform(multipart("/misra/1/findings").file(FILE).param("configuration", "2").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "Not imported: cppcheck.txt:3: malformed XML: boom"));
    }
}
