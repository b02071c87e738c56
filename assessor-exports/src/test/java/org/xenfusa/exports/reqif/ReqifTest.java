package org.xenfusa.exports.reqif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.RequirementRow;
import org.xenfusa.exports.synthetic.SyntheticEvidence;
import org.xml.sax.SAXParseException;

/** ReqIF: schema-valid export, export-import round trip, secure and all-or-nothing import. */
// [utest->dsn~reqif~1] [utest->err~import-partly-applied~1]
class ReqifTest {
    static final ReleaseEvidence EVIDENCE = SyntheticEvidence.create(SyntheticEvidence.Shape.small());

    static Schema schema() throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return f.newSchema(ReqifTest.class.getResource("/reqif-subset.xsd"));
    }

    static void validate(byte[] xml) throws Exception {
        schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    @Test
    void exportIsValidAgainstTheSchema() throws Exception {
        byte[] xml = ReqifExport.write(EVIDENCE.context(), EVIDENCE.requirements());
        validate(xml);
        String s = new String(xml, StandardCharsets.UTF_8);
        assertThat(s).contains("xmlns=\"http://www.omg.org/spec/ReqIF/20110401/reqif.xsd\"")
                .contains("LONG-NAME=\"ReqIF.ForeignID\"").contains("THE-VALUE=\"dsn~sched-0011~1\"");
    }

    @Test
    void theSchemaRejectsWhatTheStandardRejects() throws Exception {
        String xml = new String(ReqifExport.write(EVIDENCE.context(), EVIDENCE.requirements()), StandardCharsets.UTF_8);
        // a dangling local reference (IDREF) and a missing mandatory TYPE
        byte[] dangling = xml.replaceFirst("<SPEC-OBJECT-TYPE-REF>SOT_REQUIREMENT</SPEC-OBJECT-TYPE-REF>",
                "<SPEC-OBJECT-TYPE-REF>NOPE</SPEC-OBJECT-TYPE-REF>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> validate(dangling)).isInstanceOf(SAXParseException.class).hasMessageContaining("NOPE");
        byte[] noVersion = xml.replace("<REQ-IF-VERSION>1.0</REQ-IF-VERSION>", "<REQ-IF-VERSION>2.0</REQ-IF-VERSION>")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> validate(noVersion)).isInstanceOf(SAXParseException.class);
    }

    @Test
    void exportThenImportGivesTheSameRequirementsAndLinks() throws Exception {
        byte[] xml = ReqifExport.write(EVIDENCE.context(), EVIDENCE.requirements());
        ReqifContent back = ReqifImport.read(new ByteArrayInputStream(xml), "round-trip.reqif");
        List<ImportedRequirement> expected = EVIDENCE.requirements().stream()
                .map(r -> new ImportedRequirement(r.id(), r.type(), r.title(), r.description())).toList();
        assertThat(back.requirements()).containsExactlyElementsOf(expected);
        List<ImportedLink> links = new ArrayList<>();
        for (RequirementRow r : EVIDENCE.requirements()) {
            r.covers().forEach(t -> links.add(new ImportedLink(r.id(), t, "covers")));
        }
        assertThat(links).isNotEmpty();
        assertThat(back.links()).containsExactlyElementsOf(links);
    }

    @Test
    void exportIsDeterministic() {
        assertThat(ReqifExport.write(EVIDENCE.context(), EVIDENCE.requirements()))
                .isEqualTo(ReqifExport.write(EVIDENCE.context(), EVIDENCE.requirements()));
    }

    @Test
    void externalEntitiesAreNeverRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE REQ-IF [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd"><THE-HEADER>&x;</THE-HEADER></REQ-IF>
                """;
        assertThatThrownBy(() -> ReqifImport.read(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)),
                "evil.reqif")).isInstanceOf(ReqifFormatException.class).hasMessageContaining("evil.reqif: line 2")
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void aBrokenFileImportsNothingAndSaysWhy() {
        String xml = new String(ReqifExport.write(EVIDENCE.context(), EVIDENCE.requirements()), StandardCharsets.UTF_8);
        String broken = xml.replaceFirst("<SOURCE>\\s*<SPEC-OBJECT-REF>[^<]+</SPEC-OBJECT-REF>",
                "<SOURCE><SPEC-OBJECT-REF>REQ_missing</SPEC-OBJECT-REF>");
        assertThatThrownBy(() -> ReqifImport.read(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)),
                "broken.reqif")).isInstanceOf(ReqifFormatException.class)
                .hasMessageContaining("broken.reqif: SPEC-RELATION LINK_").hasMessageContaining("does not define");
        assertThatThrownBy(() -> ReqifImport.read(new ByteArrayInputStream("<a><b></a>".getBytes(StandardCharsets.UTF_8)),
                "junk.reqif")).isInstanceOf(ReqifFormatException.class).hasMessageContaining("junk.reqif: line 1");
        assertThatThrownBy(() -> ReqifImport.read(new ByteArrayInputStream("<a/>".getBytes(StandardCharsets.UTF_8)),
                "other.xml")).isInstanceOf(ReqifFormatException.class).hasMessageContaining("not ReqIF");
    }

    @Test
    void importsXhtmlTextAndChapterNamesAsOtherToolsWriteThem() throws Exception {
        String doors = """
                <REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd" xmlns:x="http://www.w3.org/1999/xhtml">
                 <THE-HEADER><REQ-IF-HEADER IDENTIFIER="h"/></THE-HEADER>
                 <CORE-CONTENT><REQ-IF-CONTENT>
                  <SPEC-TYPES><SPEC-OBJECT-TYPE IDENTIFIER="t" LONG-NAME="Req" LAST-CHANGE="2020-01-01T00:00:00Z">
                   <SPEC-ATTRIBUTES>
                    <ATTRIBUTE-DEFINITION-XHTML IDENTIFIER="a1" LONG-NAME="ReqIF.Text" LAST-CHANGE="2020-01-01T00:00:00Z"/>
                    <ATTRIBUTE-DEFINITION-STRING IDENTIFIER="a2" LONG-NAME="ReqIF.ChapterName" LAST-CHANGE="2020-01-01T00:00:00Z"/>
                   </SPEC-ATTRIBUTES></SPEC-OBJECT-TYPE></SPEC-TYPES>
                  <SPEC-OBJECTS><SPEC-OBJECT IDENTIFIER="o1" LAST-CHANGE="2020-01-01T00:00:00Z">
                   <VALUES>
                    <ATTRIBUTE-VALUE-XHTML><DEFINITION><ATTRIBUTE-DEFINITION-XHTML-REF>a1</ATTRIBUTE-DEFINITION-XHTML-REF></DEFINITION>
                     <THE-VALUE><x:div>The system <x:b>shall</x:b> boot.</x:div></THE-VALUE></ATTRIBUTE-VALUE-XHTML>
                    <ATTRIBUTE-VALUE-STRING THE-VALUE="Boot"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>a2</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                   </VALUES>
                   <TYPE><SPEC-OBJECT-TYPE-REF>t</SPEC-OBJECT-TYPE-REF></TYPE></SPEC-OBJECT></SPEC-OBJECTS>
                 </REQ-IF-CONTENT></CORE-CONTENT></REQ-IF>
                """;
        ReqifContent c = ReqifImport.read(new ByteArrayInputStream(doors.getBytes(StandardCharsets.UTF_8)), "doors.reqif");
        assertThat(c.requirements()).containsExactly(new ImportedRequirement("o1", "Req", "Boot", "The system shall boot."));
    }
}
