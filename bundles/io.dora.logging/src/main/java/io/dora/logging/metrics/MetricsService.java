package io.dora.logging.metrics;

/**
 * Dora's query and pool metrics since start, collected with Micrometer. A DS service for the workbench's
 * metrics view and the headless modes ({@code dora cli metrics}, support bundles).
 */
public interface MetricsService {

    /** The numbers now. */
    MetricsSnapshot snapshot();

    /** {@link #snapshot()} as one JSON object (see docs/logging.md for the fields). */
    String snapshotJson();
}
