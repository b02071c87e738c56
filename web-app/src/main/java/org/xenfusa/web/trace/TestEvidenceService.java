package org.xenfusa.web.trace;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.xenfusa.model.trace.TestResultFileRecord;
import org.xenfusa.model.trace.TestResultFileRepository;
import org.xenfusa.trace.evidence.EvidenceFormatException;
import org.xenfusa.trace.evidence.JUnitXmlReader;
import org.xenfusa.trace.evidence.TestCaseResult;

/**
 * Imports JUnit XML result files of a snapshot and configuration, kept with their name and SHA-256. The file is read
 * as a stream and its cases written in JDBC batches as they come, so memory stays bounded whatever its size; a file
 * that turns out not to be a result file leaves nothing stored (the transaction is rolled back).
 */
// [impl->dsn~junit-import~1]
@Service
public class TestEvidenceService {
    private static final int BATCH = 2_000;

    private final TestResultFileRepository files;
    private final TraceService traces;
    private final JdbcTemplate jdbc;

    public TestEvidenceService(TestResultFileRepository files, TraceService traces, JdbcTemplate jdbc) {
        this.files = files;
        this.traces = traces;
        this.jdbc = jdbc;
    }

    /** The stored file, or nothing stored and the reason (file and line) when it is not a JUnit XML file. */
    public record Outcome(Optional<TestResultFileRecord> stored, int cases, Optional<String> problem) {
    }

    @Transactional
    public Outcome importJUnit(long snapshotId, long configurationId, String fileName, byte[] content, String user) {
        return importJUnit(snapshotId, configurationId, fileName, new ByteArrayInputStream(content), user);
    }

    /** Reads {@code content} to its end (the caller closes it). */
    @Transactional
    public Outcome importJUnit(long snapshotId, long configurationId, String fileName, InputStream content,
            String user) {
        traces.snapshot(snapshotId);
        traces.configuration(configurationId);
        // the hash is known at the end of the stream: the row is written first, its hash filled in then
        long fileId = jdbc.queryForObject("insert into test_result_file (snapshot_id, configuration_id, file_name,"
                + " sha256, imported_by, imported_at) values (?, ?, ?, '', ?, now()) returning id", Long.class,
                snapshotId, configurationId, fileName, user);
        List<Object[]> batch = new ArrayList<>(BATCH);
        JUnitXmlReader.Summary summary;
        try {
            summary = JUnitXmlReader.stream(fileName, content, c -> {
                batch.add(row(fileId, c));
                if (batch.size() == BATCH) {
                    insert(batch);
                }
            });
            insert(batch);
        } catch (EvidenceFormatException e) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new Outcome(Optional.empty(), 0, Optional.of(e.getMessage()));
        }
        jdbc.update("update test_result_file set sha256 = ? where id = ?", summary.sha256(), fileId);
        return new Outcome(files.findById(fileId), Math.toIntExact(summary.cases()), Optional.empty());
    }

    private static Object[] row(long fileId, TestCaseResult c) {
        return new Object[] {fileId, c.className(), c.name(), c.outcome().name(), c.seconds(), c.source().line()};
    }

    private void insert(List<Object[]> batch) {
        if (!batch.isEmpty()) {
            jdbc.batchUpdate("insert into test_case_result (result_file_id, class_name, name, outcome, seconds, line)"
                    + " values (?, ?, ?, ?, ?, ?)", batch);
            batch.clear();
        }
    }
}
