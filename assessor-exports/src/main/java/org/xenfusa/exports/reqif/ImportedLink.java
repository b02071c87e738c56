package org.xenfusa.exports.reqif;

/** A SPEC-RELATION read from ReqIF between two imported requirements; {@code kind} is its type's long name. */
public record ImportedLink(String from, String to, String kind) {
}
