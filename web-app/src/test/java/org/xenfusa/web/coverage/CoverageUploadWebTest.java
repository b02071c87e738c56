package org.xenfusa.web.coverage;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.xenfusa.web.platform.InvalidInputException;

/**
 * Uploading coverage data and setting the target level: engineers and admins only; a file that cannot be read, a bad
 * path map or an unknown level change nothing and say why (never a 400 page).
 */
class CoverageUploadWebTest extends SecuredSlice {
    @Autowired MockMvc mvc;
    @Autowired CoverageService coverage;
    @Autowired org.xenfusa.web.trace.TraceService traces;

    private static final MockMultipartFile FILE = new MockMultipartFile("file", "fa.info", "text/plain",
            "SF:xen/common/fa.c\nDA:5,1\nend_of_record\n".getBytes(StandardCharsets.UTF_8));

    @Test
    @WithMockUser(username = "viewer", roles = "VIEWER")
    void aViewerCannotUploadNorSetTheLevel() throws Exception {
        mvc.perform(multipart("/coverage/1/data").file(FILE).param("configuration", "2").param("test", "t")
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/coverage/1/level").param("configuration", "2").param("level", "DAL_C").with(csrf()))
                .andExpect(status().isForbidden());
        verify(coverage, never()).importData(anyLong(), anyLong(), any(), anyString(), anyString(), anyString());
        verify(coverage, never()).setLevel(anyLong(), anyString(), anyString());
    }

    @Test
    @WithMockUser(username = "engineer", roles = "ENGINEER")
    void anEngineerUploadsAndIsToldWhatWasStoredAndWhatNot() throws Exception {
        when(coverage.importData(eq(1L), eq(2L), org.mockito.ArgumentMatchers.argThat(u -> u.size() == 1
                && u.get(0).fileName().equals("fa.info")), eq("tools/tests/fa"), eq("/build/="), eq("engineer")))
                .thenReturn(new CoverageService.Outcome(List.of(stored(7, "fa.info")), 1, List.of(),
                        List.of("usr/include/stdio.h"), List.of()));
        mvc.perform(multipart("/coverage/1/data").file(FILE).param("configuration", "2").param("test", "tools/tests/fa")
                .param("pathMap", "/build/=").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/coverage/1?configuration=2"))
                .andExpect(flash().attribute("notice", "Imported fa.info (lcov) for test run 'tools/tests/fa': data"
                        + " for 1 files of the snapshot (sha256 " + "ab".repeat(32) + "); 1 files not in the snapshot"
                        + " are listed, not counted"));
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void aFileThatCannotBeReadIsRefusedWithItsLine() throws Exception {
        when(coverage.importData(anyLong(), anyLong(), any(), anyString(), anyString(), anyString()))
                .thenReturn(new CoverageService.Outcome(List.of(), 0, List.of("fa.info:2: DA needs a line and a"
                        + " count"), List.of(), List.of()));
        mvc.perform(multipart("/coverage/1/data").file(FILE).param("configuration", "2").param("test", "t")
                .with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "Not imported, nothing stored: fa.info:2: DA needs a line and a"
                        + " count"));
        when(coverage.importData(anyLong(), anyLong(), any(), anyString(), anyString(), anyString()))
                .thenThrow(new InvalidInputException("path map 'x' is not FROM=TO (an empty TO removes FROM)"));
        mvc.perform(multipart("/coverage/1/data").file(FILE).param("configuration", "2").param("test", "t")
                .param("pathMap", "x").with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "Not imported, nothing stored: path map 'x' is not FROM=TO (an"
                        + " empty TO removes FROM)"));
        MockMultipartFile empty = new MockMultipartFile("file", "empty.info", "text/plain", new byte[0]);
        mvc.perform(multipart("/coverage/1/data").file(empty).param("configuration", "2").param("test", "t")
                .with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "Not imported, nothing stored: empty.info is empty"));
        mvc.perform(multipart("/coverage/1/data").param("configuration", "2").param("test", "t").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "Not imported: choose one or more coverage data files"));
    }

    private static CoverageService.StoredData stored(long id, String name) {
        return new CoverageService.StoredData(id, "tools/tests/fa", name, "lcov", "", "", "ab".repeat(32), 40, 1,
                "/build/=", "engineer", OffsetDateTime.now());
    }

    @Test
    @WithMockUser(username = "engineer", roles = "ENGINEER")
    void aFolderGivesItsCoverageFilesOnlyAndAllAreStoredTogether() throws Exception {
        MockMultipartFile json = new MockMultipartFile("folder", "gcov-json/.a.o##common#.a.o.gcov.json.gz",
                "application/gzip", new byte[] {31, -117, 8});
        MockMultipartFile text = new MockMultipartFile("folder", "gcov-json/gcov-stdout.txt", "text/plain",
                "File 'a.c'".getBytes(StandardCharsets.UTF_8));
        when(coverage.importData(eq(1L), eq(2L), org.mockito.ArgumentMatchers.argThat(u -> u.size() == 2
                && u.get(0).fileName().equals("fa.info")
                && u.get(1).fileName().equals("gcov-json/.a.o##common#.a.o.gcov.json.gz")), eq("run"), eq(""),
                eq("engineer"))).thenReturn(new CoverageService.Outcome(List.of(stored(7, "fa.info"),
                        stored(8, "gcov-json/.a.o##common#.a.o.gcov.json.gz")), 2, List.of(), List.of(), List.of()));
        mvc.perform(multipart("/coverage/1/data").file(FILE).file(json).file(text).param("configuration", "2")
                .param("test", "run").with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Imported 2 data files (lcov) for test run 'tools/tests/fa':"
                        + " data for 2 files of the snapshot"));
    }

    @Test
    @WithMockUser(username = "engineer", roles = "ENGINEER")
    void anUnknownLevelChangesNothing() throws Exception {
        when(coverage.setLevel(2L, "SIL_4", "engineer")).thenThrow(new InvalidInputException(
                "unknown level 'SIL_4': give DAL_A to DAL_E or ASIL_A to ASIL_D"));
        mvc.perform(post("/coverage/1/level").param("configuration", "2").param("level", "SIL_4").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "Level not changed:"
                        + " unknown level 'SIL_4': give DAL_A to DAL_E or ASIL_A to ASIL_D"));
    }

    @Test
    @WithMockUser(username = "viewer", roles = "VIEWER")
    void aConfigurationWhoseCommitIsNotIngestedSaysSoOnItsPage() throws Exception {
        org.mockito.Mockito.doAnswer(inv -> {
            java.util.function.Consumer<String> why = inv.getArgument(1);
            why.accept("No snapshot of RELEASE-9 (0123456789ab) is ingested: ingest it to import ");
            return Optional.empty();
        }).when(traces).snapshotAtRef(any(), any());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                "/configurations/2/coverage")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/configurations/2"))
                .andExpect(flash().attribute("error", "No snapshot of RELEASE-9 (0123456789ab) is ingested: ingest it"
                        + " to import coverage data for it"));
    }
}
