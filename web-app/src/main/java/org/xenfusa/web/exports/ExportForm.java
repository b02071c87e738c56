package org.xenfusa.web.exports;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.BindParam;
import org.xenfusa.model.exports.ExportFormat;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;

/**
 * The new-export form: repository, ref, the saved configurations ({@code c}) and boards ({@code b}) to evaluate, the
 * document's format and, optionally, the previous release (the DOCX and the evidence package then state the change
 * impact since it).
 */
public record ExportForm(
        @NotNull(message = "choose the repository") Long repositoryId,
        @NotBlank(message = "give the ref to export (a tag, branch or commit)") @Size(max = 500, message = "the ref is limited to 500 characters") String ref,
        @BindParam("c") @Size(max = 200, message = "at most 200 configurations in one export") List<@NotNull Long> configurationIds,
        @BindParam("b") @Size(max = 200, message = "at most 200 boards in one export") List<@NotBlank String> boardIds,
        @NotNull(message = "choose the format") ExportFormat format,
        @Size(max = 500, message = "the previous release is limited to 500 characters") String previousRef) {

    /** Nothing ticked is an empty list, never null; no previous release is blank. */
    public ExportForm {
        ref = ref == null ? "" : ref;
        previousRef = previousRef == null ? "" : previousRef.strip();
        configurationIds = configurationIds == null ? List.of() : configurationIds;
        boardIds = boardIds == null ? List.of() : boardIds;
    }

    static ExportForm blank() {
        return new ExportForm(null, "", List.of(), List.of(), ExportFormat.XLSX, "");
    }

    /** The previous release, for the DOCX's and the evidence package's change impact and suspect links; none when blank. */
    public java.util.Optional<String> previous() {
        return previousRef.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(previousRef);
    }

    /** What the export evaluates, for documents that link back to the dashboard at {@code dashboardUrl}. */
    public EvidenceRequest request(String dashboardUrl, Instant at) {
        return new EvidenceRequest(repositoryId, ref.strip(), configurationIds, boardIds, dashboardUrl, at);
    }
}
