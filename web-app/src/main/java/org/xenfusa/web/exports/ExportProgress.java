package org.xenfusa.web.exports;

import org.xenfusa.model.exports.ExportJob;

/** An export's state and progress as JSON, for the progress bar on the exports page. */
public record ExportProgress(long id, String state, int percent, String step, String message, String sha256,
        long sizeBytes) {
    public static ExportProgress of(ExportJob j) {
        return new ExportProgress(j.getId(), j.getState().name(), j.getPercent(), j.getStep(), j.getMessage(),
                j.getSha256(), j.getSizeBytes());
    }
}
