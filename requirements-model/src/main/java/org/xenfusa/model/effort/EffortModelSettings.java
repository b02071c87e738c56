package org.xenfusa.model.effort;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

/**
 * The stored effort model: hours per SLOC for DAL A to E ({@code null} for B or D: interpolated
 * between its neighbours), which DAL each ASIL maps to, hours per person-year and the SLOC figure
 * it applies to. ADMIN edits it; every change is kept with who and when.
 */
@Entity
@Table(name = "effort_model")
@Audited
public class EffortModelSettings {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String name;
    @Column(name = "dal_a", nullable = false)
    private double dalA;
    @Column(name = "dal_b")
    private Double dalB;
    @Column(name = "dal_c", nullable = false)
    private double dalC;
    @Column(name = "dal_d")
    private Double dalD;
    @Column(name = "dal_e", nullable = false)
    private double dalE;
    @Column(name = "asil_a", nullable = false)
    private String asilA;
    @Column(name = "asil_b", nullable = false)
    private String asilB;
    @Column(name = "asil_c", nullable = false)
    private String asilC;
    @Column(name = "asil_d", nullable = false)
    private String asilD;
    @Column(name = "hours_per_person_year", nullable = false)
    private double hoursPerPersonYear;
    @Column(nullable = false)
    private String figure;
    @Column(nullable = false)
    private String source;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected EffortModelSettings() {
    }

    public EffortModelSettings(String name, double dalA, Double dalB, double dalC, Double dalD, double dalE,
            String asilA, String asilB, String asilC, String asilD, double hoursPerPersonYear, String figure,
            String source) {
        this.name = name;
        update(dalA, dalB, dalC, dalD, dalE, asilA, asilB, asilC, asilD, hoursPerPersonYear, figure, source);
    }

    public final void update(double dalA, Double dalB, double dalC, Double dalD, double dalE, String asilA,
            String asilB, String asilC, String asilD, double hoursPerPersonYear, String figure, String source) {
        this.dalA = dalA;
        this.dalB = dalB;
        this.dalC = dalC;
        this.dalD = dalD;
        this.dalE = dalE;
        this.asilA = asilA;
        this.asilB = asilB;
        this.asilC = asilC;
        this.asilD = asilD;
        this.hoursPerPersonYear = hoursPerPersonYear;
        this.figure = figure;
        this.source = source;
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public double getDalA() {
        return dalA;
    }

    public Double getDalB() {
        return dalB;
    }

    public double getDalC() {
        return dalC;
    }

    public Double getDalD() {
        return dalD;
    }

    public double getDalE() {
        return dalE;
    }

    public String getAsilA() {
        return asilA;
    }

    public String getAsilB() {
        return asilB;
    }

    public String getAsilC() {
        return asilC;
    }

    public String getAsilD() {
        return asilD;
    }

    public double getHoursPerPersonYear() {
        return hoursPerPersonYear;
    }

    public String getFigure() {
        return figure;
    }

    public String getSource() {
        return source;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
