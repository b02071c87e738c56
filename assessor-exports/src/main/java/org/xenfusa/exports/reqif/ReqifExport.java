package org.xenfusa.exports.reqif;

import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xenfusa.exports.model.EvidenceContext;
import org.xenfusa.exports.model.RequirementRow;

/**
 * Writes requirements and their "covers" links as ReqIF 1.2 (namespace {@code .../20110401/reqif.xsd}): one
 * SPEC-OBJECT per requirement with the attributes ReqIF.ForeignID, ReqIF.Name, ReqIF.Text and ReqIF.Category, one
 * SPEC-RELATION per link between two exported requirements, and one flat SPECIFICATION listing them all.
 */
// [impl->dsn~reqif~1]
public final class ReqifExport {
    private static final int MAX_LENGTH = 32000;

    private ReqifExport() {
    }

    public static byte[] write(EvidenceContext context, List<RequirementRow> requirements) {
        Document doc = newDocument();
        String time = context.generatedAt().toString();
        Element root = el(doc, doc, "REQ-IF");
        Element header = el(doc, el(doc, root, "THE-HEADER"), "REQ-IF-HEADER");
        header.setAttribute("IDENTIFIER", "HEADER_" + ReqifNames.objectId(context.commit()).substring(4));
        text(doc, header, "COMMENT", "Requirements of " + context.repository() + " at " + context.ref() + " ("
                + context.commit() + ")");
        text(doc, header, "CREATION-TIME", time);
        text(doc, header, "REPOSITORY-ID", context.repository());
        text(doc, header, "REQ-IF-TOOL-ID", context.toolVersion());
        text(doc, header, "REQ-IF-VERSION", "1.0");
        text(doc, header, "SOURCE-TOOL-ID", context.toolVersion());
        text(doc, header, "TITLE", "Xen requirements " + context.ref());
        Element content = el(doc, el(doc, root, "CORE-CONTENT"), "REQ-IF-CONTENT");

        Element datatypes = el(doc, content, "DATATYPES");
        Element string = identified(doc, datatypes, "DATATYPE-DEFINITION-STRING", ReqifNames.STRING_TYPE, "String",
                time);
        string.setAttribute("MAX-LENGTH", String.valueOf(MAX_LENGTH));

        Element specTypes = el(doc, content, "SPEC-TYPES");
        Element objectType = identified(doc, specTypes, "SPEC-OBJECT-TYPE", ReqifNames.OBJECT_TYPE, "Requirement",
                time);
        Element attributes = el(doc, objectType, "SPEC-ATTRIBUTES");
        stringAttribute(doc, attributes, ReqifNames.ATTR_ID, ReqifNames.FOREIGN_ID, time);
        stringAttribute(doc, attributes, ReqifNames.ATTR_NAME, ReqifNames.NAME, time);
        stringAttribute(doc, attributes, ReqifNames.ATTR_TEXT, ReqifNames.TEXT, time);
        stringAttribute(doc, attributes, ReqifNames.ATTR_TYPE, ReqifNames.CATEGORY, time);
        identified(doc, specTypes, "SPEC-RELATION-TYPE", ReqifNames.RELATION_TYPE, "covers", time);
        identified(doc, specTypes, "SPECIFICATION-TYPE", ReqifNames.SPECIFICATION_TYPE, "Requirements specification",
                time);

        Element objects = el(doc, content, "SPEC-OBJECTS");
        Set<String> exported = new HashSet<>();
        for (RequirementRow r : requirements) {
            if (!exported.add(r.id())) {
                throw new IllegalArgumentException("requirement " + r.id() + " appears twice");
            }
            Element o = identified(doc, objects, "SPEC-OBJECT", ReqifNames.objectId(r.id()), r.title(), time);
            Element values = el(doc, o, "VALUES");
            value(doc, values, ReqifNames.ATTR_ID, r.id());
            value(doc, values, ReqifNames.ATTR_NAME, r.title());
            value(doc, values, ReqifNames.ATTR_TEXT, r.description());
            value(doc, values, ReqifNames.ATTR_TYPE, r.type());
            el(doc, el(doc, o, "TYPE"), "SPEC-OBJECT-TYPE-REF").setTextContent(ReqifNames.OBJECT_TYPE);
        }
        Element relations = el(doc, content, "SPEC-RELATIONS");
        for (RequirementRow r : requirements) {
            for (String target : r.covers()) {
                // A link to an item outside the export cannot be a SPEC-RELATION; the trace reports it as broken.
                if (exported.contains(target)) {
                    Element rel = identified(doc, relations, "SPEC-RELATION",
                            ReqifNames.relationId(r.id(), target), null, time);
                    el(doc, el(doc, rel, "SOURCE"), "SPEC-OBJECT-REF").setTextContent(ReqifNames.objectId(r.id()));
                    el(doc, el(doc, rel, "TARGET"), "SPEC-OBJECT-REF").setTextContent(ReqifNames.objectId(target));
                    el(doc, el(doc, rel, "TYPE"), "SPEC-RELATION-TYPE-REF").setTextContent(ReqifNames.RELATION_TYPE);
                }
            }
        }
        Element specs = el(doc, content, "SPECIFICATIONS");
        Element spec = identified(doc, specs, "SPECIFICATION", "SPEC_REQUIREMENTS", "Requirements " + context.ref(),
                time);
        Element children = el(doc, spec, "CHILDREN");
        for (RequirementRow r : requirements) {
            String oid = ReqifNames.objectId(r.id());
            Element h = identified(doc, children, "SPEC-HIERARCHY", "H_" + oid.substring(4), null, time);
            el(doc, el(doc, h, "OBJECT"), "SPEC-OBJECT-REF").setTextContent(oid);
        }
        el(doc, el(doc, spec, "TYPE"), "SPECIFICATION-TYPE-REF").setTextContent(ReqifNames.SPECIFICATION_TYPE);
        return serialise(doc);
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM builder is not available", e);
        }
    }

    private static Element el(Document doc, org.w3c.dom.Node parent, String name) {
        Element e = doc.createElementNS(ReqifNames.NS, name);
        parent.appendChild(e);
        return e;
    }

    private static void text(Document doc, Element parent, String name, String value) {
        el(doc, parent, name).setTextContent(value);
    }

    private static Element identified(Document doc, Element parent, String name, String id, String longName,
            String time) {
        Element e = el(doc, parent, name);
        e.setAttribute("IDENTIFIER", id);
        e.setAttribute("LAST-CHANGE", time);
        if (longName != null && !longName.isEmpty()) {
            e.setAttribute("LONG-NAME", longName);
        }
        return e;
    }

    private static void stringAttribute(Document doc, Element parent, String id, String longName, String time) {
        Element a = identified(doc, parent, "ATTRIBUTE-DEFINITION-STRING", id, longName, time);
        el(doc, el(doc, a, "TYPE"), "DATATYPE-DEFINITION-STRING-REF").setTextContent(ReqifNames.STRING_TYPE);
    }

    private static void value(Document doc, Element values, String definition, String value) {
        Element v = el(doc, values, "ATTRIBUTE-VALUE-STRING");
        v.setAttribute("THE-VALUE", value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value);
        el(doc, el(doc, v, "DEFINITION"), "ATTRIBUTE-DEFINITION-STRING-REF").setTextContent(definition);
    }

    private static byte[] serialise(Document doc) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            doc.setXmlStandalone(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise a DOM built in memory", e);
        }
    }
}
