package org.xenfusa.web.effort;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xenfusa.sloc.effort.Asil;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.SlocFigure;

/** The effort model page: the rates and their source, the ASIL crosswalk, ADMIN edits and history. */
@Controller
public class EffortController {
    private final EffortModels models;

    public EffortController(EffortModels models) {
        this.models = models;
    }

    @GetMapping("/effort")
    String show(Model model) {
        model.addAttribute("settings", models.settings());
        model.addAttribute("model", models.current());
        model.addAttribute("history", models.history());
        model.addAttribute("levels", DesignAssuranceLevel.values());
        model.addAttribute("asils", Asil.values());
        model.addAttribute("figures", SlocFigure.values());
        return "effort/show";
    }

    @PostMapping("/effort")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@RequestParam double dalA, @RequestParam(required = false) Double dalB, @RequestParam double dalC,
            @RequestParam(required = false) Double dalD, @RequestParam double dalE, @RequestParam DesignAssuranceLevel asilA,
            @RequestParam DesignAssuranceLevel asilB, @RequestParam DesignAssuranceLevel asilC,
            @RequestParam DesignAssuranceLevel asilD, @RequestParam double hoursPerPersonYear,
            @RequestParam SlocFigure figure, @RequestParam(defaultValue = "") String source, RedirectAttributes redirect) {
        Map<Asil, DesignAssuranceLevel> crosswalk = new EnumMap<>(Asil.class);
        crosswalk.put(Asil.ASIL_A, asilA);
        crosswalk.put(Asil.ASIL_B, asilB);
        crosswalk.put(Asil.ASIL_C, asilC);
        crosswalk.put(Asil.ASIL_D, asilD);
        try {
            models.update(dalA, dalB, dalC, dalD, dalE, crosswalk, hoursPerPersonYear, figure, source);
            redirect.addFlashAttribute("notice", "Effort model saved");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "Not saved: " + e.getMessage());
        }
        return "redirect:/effort";
    }
}
