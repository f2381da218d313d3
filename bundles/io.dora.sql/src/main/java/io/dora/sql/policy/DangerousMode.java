package io.dora.sql.policy;

/** What to do with a statement that breaks a dangerous rule. */
public enum DangerousMode {
    ALLOW, CONFIRM, BLOCK
}
