package io.dora.core.safety;

/**
 * Asks the user whether dangerous statements may run. Core registers a headless default that refuses (nobody
 * can be asked); a UI registers its dialog as a service with a higher {@code service.ranking}.
 * Called on the query's worker thread, never on a UI thread.
 */
public interface StatementConfirmation {

    /** @return true when the user agreed to run every statement of the request */
    boolean confirm(ConfirmationRequest request);
}
