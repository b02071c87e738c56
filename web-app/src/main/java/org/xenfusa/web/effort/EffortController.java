package org.xenfusa.web.effort;

import java.util.EnumMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
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
        model.addAttribute("form", EffortForm.of(models.settings()));
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("model", models.current());
        model.addAttribute("history", models.history());
        model.addAttribute("levels", DesignAssuranceLevel.values());
        model.addAttribute("asils", Asil.values());
        model.addAttribute("figures", SlocFigure.values());
        return "effort/show";
    }

    @PostMapping("/effort")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@Valid @ModelAttribute("form") EffortForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            // the form again, with what was typed and why it was refused
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "Not saved: check the fields marked below");
            return page(model);
        }
        Map<Asil, DesignAssuranceLevel> crosswalk = new EnumMap<>(Asil.class);
        crosswalk.put(Asil.ASIL_A, form.asilA());
        crosswalk.put(Asil.ASIL_B, form.asilB());
        crosswalk.put(Asil.ASIL_C, form.asilC());
        crosswalk.put(Asil.ASIL_D, form.asilD());
        try {
            models.update(form.dalA(), form.dalB(), form.dalC(), form.dalD(), form.dalE(), crosswalk,
                    form.hoursPerPersonYear(), form.figure(), form.source() == null ? "" : form.source());
            redirect.addFlashAttribute("notice", "Effort model saved");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "Not saved: " + e.getMessage());
        }
        return "redirect:/effort";
    }
}
