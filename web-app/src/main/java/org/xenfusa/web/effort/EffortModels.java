package org.xenfusa.web.effort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.xenfusa.web.platform.StoredDefaults;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.model.audit.AuditRevision;
import org.xenfusa.model.effort.EffortModelSettings;
import org.xenfusa.model.effort.EffortModelSettingsRepository;
import org.xenfusa.sloc.effort.Asil;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.sloc.effort.LevelRate;
import org.xenfusa.sloc.effort.SlocFigure;

/**
 * The platform's effort model: the Xen FuSa SIG's figures until an ADMIN edits them. A level left
 * empty (DAL B, DAL D) stays interpolated between its neighbours, and says so wherever it is shown.
 */
@Service
public class EffortModels {
    static final String NAME = "default";

    private final EffortModelSettingsRepository settings;
    private final EntityManager entityManager;
    private final StoredDefaults defaults;

    public EffortModels(EffortModelSettingsRepository settings, EntityManager entityManager, StoredDefaults defaults) {
        this.defaults = defaults;
        this.settings = settings;
        this.entityManager = entityManager;
    }

    /** The stored settings, created from the SIG's figures on first use. */
    @Transactional
    public EffortModelSettings settings() {
        return defaults.findOrCreate(() -> settings.findByName(NAME), () -> {
            EffortModel sig = EffortModel.xenFusaSig();
            return settings.saveAndFlush(new EffortModelSettings(NAME,
                    sig.rate(DesignAssuranceLevel.DAL_A).hoursPerSloc(), null,
                    sig.rate(DesignAssuranceLevel.DAL_C).hoursPerSloc(), null,
                    sig.rate(DesignAssuranceLevel.DAL_E).hoursPerSloc(),
                    sig.levelOf(Asil.ASIL_A).name(), sig.levelOf(Asil.ASIL_B).name(), sig.levelOf(Asil.ASIL_C).name(),
                    sig.levelOf(Asil.ASIL_D).name(), sig.hoursPerPersonYear(), sig.figure().name(),
                    "Xen FuSa SIG effort figures (hours per SLOC)"));
        });
    }

    @Transactional
    public EffortModel current() {
        return toModel(settings());
    }

    /** Stores an ADMIN's edit; validated before anything is written. */
    @Transactional
    public EffortModelSettings update(double dalA, Double dalB, double dalC, Double dalD, double dalE,
            Map<Asil, DesignAssuranceLevel> crosswalk, double hoursPerPersonYear, SlocFigure figure, String source) {
        EffortModelSettings s = settings();
        for (double v : new double[] {dalA, dalC, dalE, dalB == null ? 1 : dalB, dalD == null ? 1 : dalD}) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("hours per SLOC must be a positive number");
            }
        }
        if (!(hoursPerPersonYear > 0)) {
            throw new IllegalArgumentException("hours per person-year must be a positive number");
        }
        s.update(dalA, dalB, dalC, dalD, dalE, crosswalk.get(Asil.ASIL_A).name(), crosswalk.get(Asil.ASIL_B).name(),
                crosswalk.get(Asil.ASIL_C).name(), crosswalk.get(Asil.ASIL_D).name(), hoursPerPersonYear, figure.name(),
                source == null || source.isBlank() ? "edited by an ADMIN" : source.strip());
        toModel(s); // throws on an inconsistent model before the change is flushed
        return settings.saveAndFlush(s);
    }

    static EffortModel toModel(EffortModelSettings s) {
        String src = s.getSource();
        List<LevelRate> rates = List.of(
                new LevelRate(DesignAssuranceLevel.DAL_A, s.getDalA(), false, src),
                s.getDalB() == null
                        ? new LevelRate(DesignAssuranceLevel.DAL_B, (s.getDalA() + s.getDalC()) / 2, true,
                                "interpolated: mean of DAL A and DAL C")
                        : new LevelRate(DesignAssuranceLevel.DAL_B, s.getDalB(), false, src),
                new LevelRate(DesignAssuranceLevel.DAL_C, s.getDalC(), false, src),
                s.getDalD() == null
                        ? new LevelRate(DesignAssuranceLevel.DAL_D, (s.getDalC() + s.getDalE()) / 2, true,
                                "interpolated: mean of DAL C and DAL E")
                        : new LevelRate(DesignAssuranceLevel.DAL_D, s.getDalD(), false, src),
                new LevelRate(DesignAssuranceLevel.DAL_E, s.getDalE(), false, src));
        Map<Asil, DesignAssuranceLevel> crosswalk = new EnumMap<>(Asil.class);
        crosswalk.put(Asil.ASIL_A, DesignAssuranceLevel.valueOf(s.getAsilA()));
        crosswalk.put(Asil.ASIL_B, DesignAssuranceLevel.valueOf(s.getAsilB()));
        crosswalk.put(Asil.ASIL_C, DesignAssuranceLevel.valueOf(s.getAsilC()));
        crosswalk.put(Asil.ASIL_D, DesignAssuranceLevel.valueOf(s.getAsilD()));
        String description = src + ": DAL A " + s.getDalA() + ", DAL C " + s.getDalC() + ", DAL E " + s.getDalE()
                + " hours per SLOC" + (s.getDalB() == null ? "; DAL B interpolated" : "; DAL B " + s.getDalB())
                + (s.getDalD() == null ? "; DAL D interpolated" : "; DAL D " + s.getDalD())
                + ". ASIL to DAL is a rough guide (ISO 26262 defines no normative mapping to DO-178C). "
                + (long) s.getHoursPerPersonYear() + " hours per person-year; applied to " + s.getFigure() + " SLOC.";
        return new EffortModel(s.getName(), description, rates, crosswalk, s.getHoursPerPersonYear(),
                SlocFigure.valueOf(s.getFigure()));
    }

    /** Shown instead of a person for the model's first revision: the figures the platform ships with. */
    public static final String SHIPPED_DEFAULT = "shipped default (Xen FuSa SIG figures)";

    /**
     * One change of the model: when, who, and the rates it left. The first revision is the shipped
     * default: whoever's request happened to store it first did not choose its figures.
     */
    public record Change(int revision, Instant when, String who, String rates, boolean shippedDefault) {
    }

    @Transactional(readOnly = true)
    public List<Change> history() {
        EffortModelSettings s = settings.findByName(NAME).orElse(null);
        if (s == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(entityManager).createQuery()
                .forRevisionsOfEntity(EffortModelSettings.class, false, true)
                .add(AuditEntity.id().eq(s.getId())).addOrder(AuditEntity.revisionNumber().desc()).getResultList();
        List<Change> out = new ArrayList<>();
        for (Object[] row : rows) {
            EffortModelSettings m = (EffortModelSettings) row[0];
            AuditRevision rev = (AuditRevision) row[1];
            boolean shipped = row[2] == RevisionType.ADD;
            out.add(new Change(rev.getId(), Instant.ofEpochMilli(rev.getTimestamp()),
                    shipped ? SHIPPED_DEFAULT : rev.getUsername(),
                    "A " + m.getDalA() + ", B " + (m.getDalB() == null ? "interp." : m.getDalB()) + ", C " + m.getDalC()
                            + ", D " + (m.getDalD() == null ? "interp." : m.getDalD()) + ", E " + m.getDalE()
                            + "; " + (long) m.getHoursPerPersonYear() + " h/person-year; " + m.getFigure(), shipped));
        }
        return out;
    }
}
