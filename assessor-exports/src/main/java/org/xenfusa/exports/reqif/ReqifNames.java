package org.xenfusa.exports.reqif;

import java.nio.charset.StandardCharsets;

import org.xenfusa.exports.model.Sha256;

/** ReqIF element names and the identifiers this tool writes (XML IDs, so derived from ids but always NCNames). */
final class ReqifNames {
    static final String NS = "http://www.omg.org/spec/ReqIF/20110401/reqif.xsd";
    static final String STRING_TYPE = "DT_STRING";
    static final String OBJECT_TYPE = "SOT_REQUIREMENT";
    static final String RELATION_TYPE = "SRT_COVERS";
    static final String SPECIFICATION_TYPE = "ST_SPECIFICATION";
    static final String ATTR_ID = "AD_FOREIGN_ID";
    static final String ATTR_NAME = "AD_NAME";
    static final String ATTR_TEXT = "AD_TEXT";
    static final String ATTR_TYPE = "AD_CATEGORY";
    /** Attribute long names the ReqIF Implementation Guide recommends, which DOORS, Polarion and others map. */
    static final String FOREIGN_ID = "ReqIF.ForeignID";
    static final String NAME = "ReqIF.Name";
    static final String CHAPTER_NAME = "ReqIF.ChapterName";
    static final String TEXT = "ReqIF.Text";
    static final String CATEGORY = "ReqIF.Category";

    private ReqifNames() {
    }

    /**
     * An XML ID for a requirement id such as {@code dsn~sched-credit2~1}: letters, digits, '-' and '.' kept, every
     * other character escaped as _XX (UTF-8 bytes in hex), so different ids never share an identifier.
     */
    static String objectId(String requirementId) {
        StringBuilder b = new StringBuilder("REQ_");
        for (byte x : requirementId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.') {
                b.append(c);
            } else {
                b.append('_').append(String.format("%02X", x & 0xff));
            }
        }
        return b.toString();
    }

    static String relationId(String from, String to) {
        return "LINK_" + Sha256.hex((from + "\n" + to).getBytes(StandardCharsets.UTF_8)).substring(0, 20);
    }
}
