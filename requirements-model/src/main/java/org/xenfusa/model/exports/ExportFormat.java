package org.xenfusa.model.exports;

/** What an export produced: an assessor document, the evidence package, or a readiness report. */
public enum ExportFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Traceability and SLOC workbook"),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Traceability and code-size report"),
    REQIF("reqif", "application/xml", "Requirements (ReqIF 1.2)"),
    EVIDENCE("zip", "application/zip", "Evidence package"),
    READINESS_DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Release readiness report"),
    READINESS_XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Release readiness workbook");

    private final String extension;
    private final String mediaType;
    private final String title;

    ExportFormat(String extension, String mediaType, String title) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.title = title;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String title() {
        return title;
    }

    /** The evidence package builds every document and can take minutes on Xen: it runs as a job. */
    public boolean runsAsJob() {
        return this == EVIDENCE;
    }
}
