package io.dora.core.query;

/** Where an execution is in its life. */
public enum QueryState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED
}
