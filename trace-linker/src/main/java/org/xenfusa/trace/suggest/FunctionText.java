package org.xenfusa.trace.suggest;

import java.util.List;

import org.xenfusa.trace.function.SourceFunction;

/**
 * The words of one function as the suggester indexes them.
 *
 * @param comments    the comment right above the function (after the previous declaration) and the comments in it
 * @param strings     its string literals, without the quotes
 * @param identifiers the identifiers of its body (C keywords and its own name left out), in order of appearance
 */
record FunctionText(SourceFunction function, List<String> comments, List<String> strings, List<String> identifiers) {
}
