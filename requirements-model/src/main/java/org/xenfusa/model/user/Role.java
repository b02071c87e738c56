package org.xenfusa.model.user;

/** What a user may do: ADMIN manages repositories and users; ENGINEER edits requirements and links; ASSESSOR reads and exports; VIEWER reads. */
public enum Role {
    ADMIN, ENGINEER, ASSESSOR, VIEWER
}
