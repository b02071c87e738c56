package org.xenfusa.web.effort;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Stores the shipped effort model at start-up, so that its first revision is written by the
 * platform and not by whichever person's request happened to read the model first.
 */
@Component
class ShippedEffortModel implements ApplicationRunner {
    private final EffortModels models;

    ShippedEffortModel(EffortModels models) {
        this.models = models;
    }

    @Override
    public void run(ApplicationArguments args) {
        models.settings();
    }
}
