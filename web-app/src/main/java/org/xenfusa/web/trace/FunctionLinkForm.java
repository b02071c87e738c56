package org.xenfusa.web.trace;

import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The form that links a requirement to a function: the source file, the function's name and, when the file defines
 * the name more than once (both branches of an {@code #if}), the first line of the one meant.
 */
public record FunctionLinkForm(
        @NotBlank(message = "choose the source file first") @Size(max = 1000, message = "the file path is limited to 1,000 characters") String file,
        @NotBlank(message = "choose the function") @Size(max = 300, message = "the function name is limited to 300 characters") String function,
        @Positive(message = "the first line of the function must be a positive number") Integer startLine) {

    public FunctionLinkForm {
        file = file == null ? "" : file.strip();
        function = function == null ? "" : function.strip();
    }

    static FunctionLinkForm of(String file) {
        return new FunctionLinkForm(file, "", null);
    }

    /** The line that picks one of same-named functions, when given. */
    public Optional<Integer> line() {
        return Optional.ofNullable(startLine);
    }
}
