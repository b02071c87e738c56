package org.xenfusa.sloc.xml;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;

/**
 * The StAX factory for XML a user gives (JUnit results, cppcheck reports): no DTD and no external entity (XXE), no
 * entity replacement, no validation, no namespaces. Every library reads uploaded XML through it, so that the settings
 * that keep a file from reaching the network or the disk live in one place.
 */
public final class SafeXml {
    private SafeXml() {
    }

    /** A new factory with the settings above (factories are cheap; readers are not shared between threads). */
    public static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_VALIDATING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }
}
