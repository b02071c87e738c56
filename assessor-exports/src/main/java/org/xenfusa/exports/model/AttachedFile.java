package org.xenfusa.exports.model;

import java.util.Objects;

/** An input file (link file, test results) carried verbatim into the evidence package. */
public record AttachedFile(AttachmentKind kind, String name, String text) {
    public AttachedFile {
        Objects.requireNonNull(kind, "attachment kind");
        name = Copies.required(name, "attachment name");
        text = Copies.text(text);
    }
}
