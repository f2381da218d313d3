package io.dora.core.error;

import java.util.List;

/**
 * The safety policy refused a statement: it was blocked, or it needed a confirmation that was not given.
 * The message names the rules; {@link #rules()} lists their ids for programs.
 */
public class PolicyViolationException extends DoraException {

    private static final long serialVersionUID = 1L;

    private final List<String> rules;

    public PolicyViolationException(String message, List<String> rules) {
        super(ErrorKind.POLICY, message);
        this.rules = List.copyOf(rules);
    }

    /** The ids of the rules broken ({@code drop}, {@code read-only}, {@code no-guard}, ...). */
    public List<String> rules() {
        return rules;
    }
}
