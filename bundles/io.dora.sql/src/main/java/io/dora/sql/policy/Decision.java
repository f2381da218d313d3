package io.dora.sql.policy;

/** The verdict of the policy on one statement, in increasing strictness. */
public enum Decision {
    ALLOW, CONFIRM, BLOCK;

    public Decision stricter(Decision other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
