package org.xenfusa.web.trace;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The form that links a requirement to a test: the test's file and its name as JUnit results give it. */
public record TestLinkForm(
        @NotBlank(message = "give the file of the test") @Size(max = 1000, message = "the file path is limited to 1,000 characters") String file,
        @NotBlank(message = "give the name of the test") @Size(max = 500, message = "the test name is limited to 500 characters") String test) {

    public TestLinkForm {
        file = file == null ? "" : file.strip();
        test = test == null ? "" : test.strip();
    }

    static TestLinkForm blank() {
        return new TestLinkForm("", "");
    }
}
