package org.xenfusa.web.readiness;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.BindParam;
import org.xenfusa.model.exports.ExportFormat;

/**
 * The readiness page's download form: the evaluated release (repository, tag, configurations {@code c} and boards
 * {@code b}) and the document's format, {@code docx} or {@code xlsx}.
 */
public record ReadinessDownloadForm(
        @NotNull(message = "choose the repository") Long repositoryId,
        @NotBlank(message = "choose the release tag") @Size(max = 500, message = "the ref is limited to 500 characters") String ref,
        @NotBlank(message = "choose the format: docx or xlsx") @Pattern(regexp = "docx|xlsx", message = "the format is docx or xlsx") String format,
        @BindParam("c") @Size(max = 200, message = "at most 200 configurations") List<@NotNull Long> configurationIds,
        @BindParam("b") @Size(max = 200, message = "at most 200 boards") List<@NotBlank String> boardIds) {

    /** Nothing chosen is an empty list, never null. */
    public ReadinessDownloadForm {
        ref = ref == null ? "" : ref;
        format = format == null ? "" : format;
        configurationIds = configurationIds == null ? List.of() : configurationIds;
        boardIds = boardIds == null ? List.of() : boardIds;
    }

    /** The readiness document in the chosen format. */
    public ExportFormat exportFormat() {
        return "docx".equals(format) ? ExportFormat.READINESS_DOCX : ExportFormat.READINESS_XLSX;
    }
}
