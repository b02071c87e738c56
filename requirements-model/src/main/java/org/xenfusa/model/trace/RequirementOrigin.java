package org.xenfusa.model.trace;

/** Where a requirement was written: a specification file of a snapshot, the web app, or a spreadsheet. */
public enum RequirementOrigin {
    SPECIFICATION_FILE, WEB, SPREADSHEET
}
