package org.xenfusa.exports.reqif;

/** A requirement read from ReqIF: its id (ReqIF.ForeignID, else the XML identifier), category, name and text. */
public record ImportedRequirement(String id, String type, String title, String description) {
}
