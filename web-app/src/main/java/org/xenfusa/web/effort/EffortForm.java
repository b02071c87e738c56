package org.xenfusa.web.effort;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.xenfusa.model.effort.EffortModelSettings;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.SlocFigure;

/**
 * The effort model form as submitted: hours per SLOC per DAL (B and D may stay empty, then they are
 * interpolated), the DAL used for each ASIL, hours per person-year, the SLOC figure and the source.
 */
public record EffortForm(
        @NotNull(message = "DAL A needs hours per SLOC") @Positive(message = "DAL A: hours per SLOC must be positive") Double dalA,
        @Positive(message = "DAL B: hours per SLOC must be positive (or empty: interpolated)") Double dalB,
        @NotNull(message = "DAL C needs hours per SLOC") @Positive(message = "DAL C: hours per SLOC must be positive") Double dalC,
        @Positive(message = "DAL D: hours per SLOC must be positive (or empty: interpolated)") Double dalD,
        @NotNull(message = "DAL E needs hours per SLOC") @Positive(message = "DAL E: hours per SLOC must be positive") Double dalE,
        @NotNull(message = "choose the DAL used for ASIL A") DesignAssuranceLevel asilA,
        @NotNull(message = "choose the DAL used for ASIL B") DesignAssuranceLevel asilB,
        @NotNull(message = "choose the DAL used for ASIL C") DesignAssuranceLevel asilC,
        @NotNull(message = "choose the DAL used for ASIL D") DesignAssuranceLevel asilD,
        @NotNull(message = "give the hours per person-year") @Positive(message = "hours per person-year must be positive") Double hoursPerPersonYear,
        @NotNull(message = "choose the SLOC figure the rates apply to") SlocFigure figure,
        @Size(max = 500, message = "the source is limited to 500 characters") String source) {

    /** The form filled with the stored model. */
    static EffortForm of(EffortModelSettings s) {
        return new EffortForm(s.getDalA(), s.getDalB(), s.getDalC(), s.getDalD(), s.getDalE(),
                DesignAssuranceLevel.valueOf(s.getAsilA()), DesignAssuranceLevel.valueOf(s.getAsilB()),
                DesignAssuranceLevel.valueOf(s.getAsilC()), DesignAssuranceLevel.valueOf(s.getAsilD()),
                s.getHoursPerPersonYear(), SlocFigure.valueOf(s.getFigure()), s.getSource());
    }
}
