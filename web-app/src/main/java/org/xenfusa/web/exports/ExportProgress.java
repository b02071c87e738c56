package org.xenfusa.web.exports;

import java.util.List;

import org.xenfusa.model.exports.ExportJob;
import org.xenfusa.web.exports.ExportPartStore.Part;

/**
 * An export's state and progress as JSON, for the progress bar on the exports page; with its parts (one per
 * configuration and board of an export that runs as a job: state and the instance that ran each).
 */
public record ExportProgress(long id, String state, int percent, String step, String message, String sha256,
        long sizeBytes, List<PartProgress> parts) {
    /** One part: its key ({@code configuration 12}, {@code board rcar}), name, state and instance. */
    public record PartProgress(String key, String title, String state, String instance, int takeovers, long millis) {
    }

    public static ExportProgress of(ExportJob j, List<Part> parts) {
        return new ExportProgress(j.getId(), j.getState().name(), j.getPercent(), j.getStep(), j.getMessage(),
                j.getSha256(), j.getSizeBytes(), parts.stream().map(p -> new PartProgress(p.key(), p.title(),
                        p.state(), p.instanceId(), p.takeovers(), p.millis())).toList());
    }
}
