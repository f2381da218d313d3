package io.dora.core.safety;

import java.util.List;
import java.util.Objects;

/**
 * The policy's verdict on one statement of a request.
 *
 * @param index     the statement's position in the request, from 0
 * @param statement the statement's text
 * @param verdict   allow, confirm or block
 * @param rules     the ids of the rules it breaks ({@code drop}, {@code missing-where}, {@code read-only}, ...)
 * @param reasons   one line per rule or setting that did not allow it, for a dialog or an error message
 */
public record StatementVerdict(int index, String statement, Verdict verdict, List<String> rules, List<String> reasons) {

    public StatementVerdict {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(verdict, "verdict");
        rules = List.copyOf(rules);
        reasons = List.copyOf(reasons);
    }

    public static StatementVerdict allow(int index, String statement) {
        return new StatementVerdict(index, statement, Verdict.ALLOW, List.of(), List.of());
    }
}
