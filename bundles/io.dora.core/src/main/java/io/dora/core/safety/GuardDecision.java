package io.dora.core.safety;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the {@link StatementGuard} decided for a whole request.
 *
 * @param verdicts         one per statement, in order
 * @param maxRows          the most rows a result may fetch; 0 for no limit
 * @param statementTimeout the longest one statement may run before it is cancelled; zero for no limit
 */
public record GuardDecision(List<StatementVerdict> verdicts, long maxRows, Duration statementTimeout) {

    public GuardDecision {
        verdicts = List.copyOf(verdicts);
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (maxRows < 0 || statementTimeout.isNegative()) {
            throw new IllegalArgumentException("Limits cannot be negative");
        }
    }

    /** The strictest verdict of all the statements. */
    public Verdict strictest() {
        return verdicts.stream().map(StatementVerdict::verdict).max(Enum::compareTo).orElse(Verdict.ALLOW);
    }

    /** The statements that are not simply allowed. */
    public List<StatementVerdict> objections() {
        return verdicts.stream().filter(verdict -> verdict.verdict() != Verdict.ALLOW).toList();
    }
}
