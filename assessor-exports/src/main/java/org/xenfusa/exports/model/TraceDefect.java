package org.xenfusa.exports.model;

/** One defect the trace reported for an item in a configuration. */
public record TraceDefect(String configuration, String item, String message) {
    public TraceDefect {
        configuration = Copies.required(configuration, "defect configuration");
        item = Copies.required(item, "defect item");
        message = Copies.text(message);
    }
}
