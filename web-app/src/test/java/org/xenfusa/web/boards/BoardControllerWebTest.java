package org.xenfusa.web.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.xenfusa.web.SecuredSlice;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.sloc.boards.BoardCatalog;
import org.xenfusa.web.config.ConfigurationReports;
import org.xenfusa.web.effort.EffortModels;

/** Board pages' request handling: unknown boards, no ingested repository, the ADMIN-only table edit. */
class BoardControllerWebTest extends SecuredSlice {
    @Autowired
    MockMvc mvc;

    @Autowired
    BoardTable table;

    @Autowired
    ConfigurationReports reports;

    @Autowired
    SourceRepositoryRepository repositories;

    @Autowired
    SnapshotRepository snapshots;

    @Autowired
    EffortModels effort;

    private final BoardCatalog catalog = BoardCatalog.shipped();

    @BeforeEach
    void shippedCatalog() {
        when(table.catalog()).thenReturn(catalog);
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void anUnknownBoardIsNotFound() throws Exception {
        mvc.perform(get("/boards/no-such-board")).andExpect(status().isNotFound());
        String known = catalog.boards().get(0).id();
        mvc.perform(get("/boards/minimal").param("b", known).param("b", "no-such-board"))
                .andExpect(status().isNotFound());
        verifyNoInteractions(reports);
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void withoutAnIngestedRepositoryABoardPageSaysSo() throws Exception {
        when(repositories.findAllByOrderByNameAsc()).thenReturn(List.of());
        mvc.perform(get("/boards/" + catalog.boards().get(0).id()))
                .andExpect(status().isNotFound())
                .andExpect(r -> assertThat(r.getResponse().getErrorMessage())
                        .contains("ingest a Xen repository first"));
        when(repositories.findById(anyLong())).thenReturn(Optional.empty());
        mvc.perform(get("/boards/" + catalog.boards().get(0).id()).param("repositoryId", "42"))
                .andExpect(status().isNotFound())
                .andExpect(r -> assertThat(r.getResponse().getErrorMessage())
                        .isEqualTo("no repository 42"));
        verifyNoInteractions(reports);
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void theMinimalConfigurationNeedsAtLeastOneBoard() throws Exception {
        mvc.perform(get("/boards/minimal")).andExpect(status().isBadRequest());
        verifyNoInteractions(reports);
    }

    @Test
    @WithMockUser(roles = "ENGINEER")
    void onlyAnAdminEditsTheBoardTable() throws Exception {
        mvc.perform(post("/boards/table").with(csrf()).param("text", "anything")).andExpect(status().isForbidden());
        verify(table, never()).update(any());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aRefusedTableIsReportedAndASavedOneCounted() throws Exception {
        when(table.update("broken")).thenThrow(new IllegalArgumentException("line 3: unknown architecture 'mips'"));
        mvc.perform(post("/boards/table").with(csrf()).param("text", "broken"))
                .andExpect(redirectedUrl("/boards"))
                .andExpect(flash().attribute("error", "Not saved: line 3: unknown architecture 'mips'"));

        when(table.update("good")).thenReturn(catalog);
        mvc.perform(post("/boards/table").with(csrf()).param("text", "good"))
                .andExpect(redirectedUrl("/boards"))
                .andExpect(flash().attribute("notice", "Board table saved: " + catalog.boards().size() + " boards"));
    }
}
