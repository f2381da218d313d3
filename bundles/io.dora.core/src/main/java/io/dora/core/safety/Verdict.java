package io.dora.core.safety;

/** What the safety policy says about one statement, in increasing strictness. */
public enum Verdict {
    ALLOW, CONFIRM, BLOCK
}
