package org.xenfusa.model.config;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

/**
 * A named Kconfig configuration: repository, ref, architecture, starting point, overrides
 * (one {@code CONFIG_X=value} a line) and toolchain profile. The {@code .config} is not stored: it
 * is computed, so the same configuration can be applied to another ref. Every change is audited.
 */
@Entity
@Table(name = "saved_configuration")
@Audited
public class SavedConfiguration {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "repository_id", nullable = false)
    private Long repositoryId;

    @Column(name = "ref_name", nullable = false)
    private String refName;

    @Column(nullable = false)
    private String arch;

    @Enumerated(EnumType.STRING)
    @Column(name = "start_kind", nullable = false)
    private StartKind startKind;

    @Column(name = "start_value", nullable = false)
    private String startValue = "";

    @Column(nullable = false)
    private String overrides = "";

    @Column(nullable = false)
    private String toolchain = "";

    @Column(nullable = false)
    private String description = "";

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Whether the FuSa SIG tracks it: its results are computed for every snapshot and shown on the dashboard. */
    @Column(nullable = false)
    private boolean tracked;

    protected SavedConfiguration() {
    }

    public SavedConfiguration(String name, Long repositoryId, String refName, String arch, StartKind startKind,
            String startValue, String overrides, String toolchain, String description, String createdBy) {
        this.name = name;
        this.repositoryId = repositoryId;
        this.refName = refName;
        this.arch = arch;
        this.startKind = startKind;
        this.startValue = startValue == null ? "" : startValue;
        this.overrides = overrides == null ? "" : overrides;
        this.toolchain = toolchain == null ? "" : toolchain;
        this.description = description == null ? "" : description;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public void setOverrides(String overrides) {
        this.overrides = overrides == null ? "" : overrides;
        this.updatedAt = Instant.now();
    }

    public void setRefName(String refName) {
        this.refName = refName;
        this.updatedAt = Instant.now();
    }

    /**
     * Tracks the configuration or stops tracking it. Its figures do not depend on this, so {@code updatedAt} (which
     * keys computed results) stays as it is; the change is audited like any other.
     */
    public void setTracked(boolean tracked) {
        this.tracked = tracked;
    }

    public boolean isTracked() {
        return tracked;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Long getRepositoryId() {
        return repositoryId;
    }

    public String getRefName() {
        return refName;
    }

    public String getArch() {
        return arch;
    }

    public StartKind getStartKind() {
        return startKind;
    }

    public String getStartValue() {
        return startValue;
    }

    public String getOverrides() {
        return overrides;
    }

    public String getToolchain() {
        return toolchain;
    }

    public String getDescription() {
        return description;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The overrides on one line, for lists: "CONFIG_A=y, CONFIG_B=n". */
    public String getOverridesSummary() {
        return String.join(", ", overrides.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    /** A short description of the starting point, e.g. "defconfig x86_64_defconfig". */
    public String getStartDescription() {
        return switch (startKind) {
            case DEFCONFIG -> "defconfig " + (startValue.isBlank() ? "(default)" : startValue);
            case ALLYES -> "allyesconfig";
            case ALLNO -> "allnoconfig";
            case RANDCONFIG -> "randconfig seed " + startValue;
            case DOTCONFIG -> "existing .config (olddefconfig)";
        };
    }
}
