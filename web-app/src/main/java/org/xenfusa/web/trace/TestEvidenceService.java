package org.xenfusa.web.trace;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.model.trace.TestCaseRecord;
import org.xenfusa.model.trace.TestCaseRecordRepository;
import org.xenfusa.model.trace.TestResultFileRecord;
import org.xenfusa.model.trace.TestResultFileRepository;
import org.xenfusa.trace.evidence.EvidenceFormatException;
import org.xenfusa.trace.evidence.JUnitXmlReader;
import org.xenfusa.trace.evidence.TestCaseResult;
import org.xenfusa.trace.evidence.TestResultFile;

/** Imports JUnit XML result files of a snapshot and configuration, kept with their name and SHA-256. */
@Service
public class TestEvidenceService {
    private final TestResultFileRepository files;
    private final TestCaseRecordRepository cases;
    private final TraceService traces;

    public TestEvidenceService(TestResultFileRepository files, TestCaseRecordRepository cases, TraceService traces) {
        this.files = files;
        this.cases = cases;
        this.traces = traces;
    }

    /** The stored file, or nothing stored and the reason (file and line) when it is not a JUnit XML file. */
    public record Outcome(Optional<TestResultFileRecord> stored, int cases, Optional<String> problem) {
    }

    @Transactional
    public Outcome importJUnit(long snapshotId, long configurationId, String fileName, byte[] content, String user) {
        traces.snapshot(snapshotId);
        traces.configuration(configurationId);
        TestResultFile read;
        try {
            read = JUnitXmlReader.read(fileName, content);
        } catch (EvidenceFormatException e) {
            return new Outcome(Optional.empty(), 0, Optional.of(e.getMessage()));
        }
        TestResultFileRecord stored = files.save(new TestResultFileRecord(snapshotId, configurationId, fileName,
                read.sha256(), user));
        for (TestCaseResult c : read.cases()) {
            cases.save(new TestCaseRecord(stored.getId(), c.className(), c.name(), c.outcome().name(), c.seconds(),
                    c.source().line()));
        }
        files.flush();
        return new Outcome(Optional.of(stored), read.cases().size(), Optional.empty());
    }
}
