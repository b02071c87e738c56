package org.xenfusa.exports;

import java.util.Date;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.xenfusa.exports.model.EvidenceContext;

/** Stamps OOXML core properties with the stated time and tool, so documents carry no clock reading. */
public final class DocumentProperties {
    private DocumentProperties() {
    }

    public static void stamp(POIXMLProperties properties, EvidenceContext context, String title) {
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        Date stated = Date.from(context.generatedAt());
        core.setCreated(Optional.of(stated));
        core.setModified(Optional.of(stated));
        core.setCreator(context.toolVersion());
        core.setLastModifiedByUser(context.toolVersion());
        core.setTitle(title);
        core.setSubjectProperty(context.repository() + " " + context.ref() + " " + context.commit());
        core.setRevision("1");
        properties.getExtendedProperties().getUnderlyingProperties().setApplication(context.toolVersion());
    }
}
