package org.xenfusa.model.trace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One test case of an imported result file, with its outcome and the line it was written at. */
@Entity
@Table(name = "test_case_result")
public class TestCaseRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "result_file_id", nullable = false)
    private Long resultFileId;

    @Column(name = "class_name", nullable = false)
    private String className;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String outcome;

    @Column(nullable = false)
    private double seconds;

    @Column(nullable = false)
    private int line;

    protected TestCaseRecord() {
    }

    public TestCaseRecord(Long resultFileId, String className, String name, String outcome, double seconds, int line) {
        this.resultFileId = resultFileId;
        this.className = className;
        this.name = name;
        this.outcome = outcome;
        this.seconds = seconds;
        this.line = line;
    }

    public Long getId() {
        return id;
    }

    public Long getResultFileId() {
        return resultFileId;
    }

    public String getClassName() {
        return className;
    }

    public String getName() {
        return name;
    }

    public String getOutcome() {
        return outcome;
    }

    public double getSeconds() {
        return seconds;
    }

    public int getLine() {
        return line;
    }
}
