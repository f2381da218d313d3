package io.dora.core.observe;

import java.time.Duration;
import java.util.Locale;

import io.dora.core.error.ErrorKind;

/**
 * How a query ended.
 *
 * @param outcome    the kind of ending
 * @param elapsed    from start to end
 * @param statements the statements that ran
 * @param rows       the rows read
 * @param updated    the rows changed (sum of update counts)
 * @param errorKind  the first failure's kind, {@code null} when it succeeded
 * @param error      the first failure's message, {@code null} when it succeeded
 */
public record QueryEnd(Outcome outcome, Duration elapsed, int statements, long rows, long updated,
        ErrorKind errorKind, String error) {

    public enum Outcome {
        SUCCEEDED, FAILED, CANCELLED, TIMEOUT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
