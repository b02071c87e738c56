package org.xenfusa.exports.reqif;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads requirements and links from a ReqIF 1.x file written by this tool or by DOORS, Polarion, codebeamer or
 * StrictDoc. The XML parser refuses DOCTYPEs, so no external entity or DTD is ever read. The whole file is checked
 * before anything is returned: a file with any error yields an exception and no requirement at all.
 */
// [impl->dsn~reqif~1]
public final class ReqifImport {
    private ReqifImport() {
    }

    public static ReqifContent read(InputStream in, String name) throws ReqifFormatException {
        Document doc = parse(in, name);
        Element root = doc.getDocumentElement();
        if (!ReqifNames.NS.equals(root.getNamespaceURI()) || !"REQ-IF".equals(root.getLocalName())) {
            throw new ReqifFormatException(name + ": not ReqIF: the root element is {" + root.getNamespaceURI() + "}"
                    + root.getLocalName() + ", expected {" + ReqifNames.NS + "}REQ-IF");
        }
        Element content = child(child(root, "CORE-CONTENT", name, "REQ-IF"), "REQ-IF-CONTENT", name, "CORE-CONTENT");
        Map<String, String> attributeNames = new HashMap<>();
        Map<String, String> typeNames = new HashMap<>();
        Optional<Element> specTypes = optionalChild(content, "SPEC-TYPES");
        if (specTypes.isPresent()) {
            for (Element type : children(specTypes.get())) {
                String typeId = identifier(type, name);
                typeNames.put(typeId, type.getAttribute("LONG-NAME"));
                for (Element attrs : children(type)) {
                    if (attrs.getLocalName().equals("SPEC-ATTRIBUTES")) {
                        for (Element def : children(attrs)) {
                            attributeNames.put(identifier(def, name), def.getAttribute("LONG-NAME"));
                        }
                    }
                }
            }
        }
        Map<String, ImportedRequirement> byIdentifier = new LinkedHashMap<>();
        Optional<Element> objects = optionalChild(content, "SPEC-OBJECTS");
        if (objects.isPresent()) {
            for (Element o : children(objects.get())) {
                String xmlId = identifier(o, name);
                String typeRef = reference(o, "TYPE", name);
                if (!typeNames.containsKey(typeRef)) {
                    throw new ReqifFormatException(name + ": SPEC-OBJECT " + xmlId + " has unknown type " + typeRef);
                }
                Map<String, String> values = values(o, attributeNames, name, xmlId);
                String id = first(values, ReqifNames.FOREIGN_ID).orElse(xmlId);
                String title = first(values, ReqifNames.NAME, ReqifNames.CHAPTER_NAME)
                        .orElse(o.getAttribute("LONG-NAME"));
                String type = first(values, ReqifNames.CATEGORY).orElse(typeNames.get(typeRef));
                String text = first(values, ReqifNames.TEXT).orElse("");
                if (byIdentifier.put(xmlId, new ImportedRequirement(id, type, title, text)) != null) {
                    throw new ReqifFormatException(name + ": two SPEC-OBJECTs have IDENTIFIER " + xmlId);
                }
            }
        }
        List<ImportedLink> links = new ArrayList<>();
        Optional<Element> relations = optionalChild(content, "SPEC-RELATIONS");
        if (relations.isPresent()) {
            for (Element r : children(relations.get())) {
                String relId = identifier(r, name);
                ImportedRequirement from = byIdentifier.get(reference(r, "SOURCE", name));
                ImportedRequirement to = byIdentifier.get(reference(r, "TARGET", name));
                if (from == null || to == null) {
                    throw new ReqifFormatException(name + ": SPEC-RELATION " + relId
                            + " links a SPEC-OBJECT that the file does not define");
                }
                String typeRef = reference(r, "TYPE", name);
                links.add(new ImportedLink(from.id(), to.id(), typeNames.getOrDefault(typeRef, typeRef)));
            }
        }
        return new ReqifContent(new ArrayList<>(byIdentifier.values()), links);
    }

    /** A parser that never reads a DTD or an entity: ReqIF needs neither, and both are attack vectors. */
    static DocumentBuilder secureBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not make a file unusable
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }

    private static Document parse(InputStream in, String name) throws ReqifFormatException {
        try {
            return secureBuilder().parse(in);
        } catch (SAXParseException e) {
            throw new ReqifFormatException(name + ": line " + e.getLineNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new ReqifFormatException(name + ": not readable XML: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> values(Element object, Map<String, String> attributeNames, String name,
            String xmlId) throws ReqifFormatException {
        Map<String, String> values = new HashMap<>();
        Optional<Element> vs = optionalChild(object, "VALUES");
        if (vs.isEmpty()) {
            return values;
        }
        for (Element v : children(vs.get())) {
            Element def = children(child(v, "DEFINITION", name, v.getLocalName())).stream().findFirst()
                    .orElseThrow(() -> new ReqifFormatException(name + ": SPEC-OBJECT " + xmlId
                            + " has a value without a definition"));
            String defId = def.getTextContent().trim();
            String longName = attributeNames.get(defId);
            if (longName == null) {
                throw new ReqifFormatException(name + ": SPEC-OBJECT " + xmlId + " has a value of unknown attribute "
                        + defId);
            }
            String value;
            if (v.getLocalName().equals("ATTRIBUTE-VALUE-XHTML")) {
                value = optionalChild(v, "THE-VALUE").map(e -> e.getTextContent().strip()).orElse("");
            } else {
                value = v.getAttribute("THE-VALUE");
            }
            values.put(longName, value);
        }
        return values;
    }

    private static Optional<String> first(Map<String, String> values, String... names) {
        for (String n : names) {
            String v = values.get(n);
            if (v != null && !v.isEmpty()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static String identifier(Element e, String name) throws ReqifFormatException {
        String id = e.getAttribute("IDENTIFIER");
        if (id.isEmpty()) {
            throw new ReqifFormatException(name + ": a " + e.getLocalName() + " has no IDENTIFIER");
        }
        return id;
    }

    /** The text of the single *-REF element inside child {@code holder} (e.g. TYPE/SPEC-OBJECT-TYPE-REF). */
    private static String reference(Element e, String holder, String name) throws ReqifFormatException {
        Element h = child(e, holder, name, e.getLocalName() + " " + e.getAttribute("IDENTIFIER"));
        List<Element> refs = children(h);
        if (refs.size() != 1 || refs.get(0).getTextContent().isBlank()) {
            throw new ReqifFormatException(name + ": " + e.getLocalName() + " " + e.getAttribute("IDENTIFIER")
                    + " needs exactly one reference in " + holder);
        }
        return refs.get(0).getTextContent().trim();
    }

    private static Element child(Element parent, String local, String name, String where)
            throws ReqifFormatException {
        return optionalChild(parent, local).orElseThrow(() -> new ReqifFormatException(name + ": " + where
                + " lacks " + local));
    }

    private static Optional<Element> optionalChild(Element parent, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && ReqifNames.NS.equals(e.getNamespaceURI())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}
