package org.xenfusa.exports.model;

/** Compiled code in one file that no requirement covers, in one configuration. */
public record UntracedCode(String configuration, String path, long code) {
    public UntracedCode {
        configuration = Copies.required(configuration, "untraced code configuration");
        path = Copies.required(path, "untraced code path");
        if (code < 0) {
            throw new IllegalArgumentException("negative untraced code in " + path);
        }
    }
}
