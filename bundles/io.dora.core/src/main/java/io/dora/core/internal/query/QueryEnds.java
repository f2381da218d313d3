package io.dora.core.internal.query;

import java.time.Duration;
import java.util.Optional;

import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.observe.QueryEnd;
import io.dora.core.observe.QueryEnd.Outcome;
import io.dora.core.query.CancelReason;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.StatementOutcome;

/** Sums a query's outcome up for listeners. */
final class QueryEnds {

    private QueryEnds() {
    }

    /** @param outcome {@code null} when the query failed by a defect */
    static QueryEnd of(QueryOutcome outcome, Optional<CancelReason> cancelReason, Duration elapsed) {
        if (outcome == null) {
            return new QueryEnd(Outcome.FAILED, elapsed, 0, 0, 0, ErrorKind.INTERNAL, "failed by a defect");
        }
        long rows = outcome.statements().stream().mapToLong(StatementOutcome::rows).sum();
        long updated = outcome.statements().stream().mapToLong(StatementOutcome::updated).sum();
        DoraException failure = outcome.failure().orElse(null);
        Outcome kind;
        if (cancelReason.isPresent()) {
            kind = cancelReason.get() == CancelReason.TIMEOUT ? Outcome.TIMEOUT : Outcome.CANCELLED;
        } else if (failure != null) {
            kind = failure.kind() == ErrorKind.TIMEOUT ? Outcome.TIMEOUT
                    : failure.kind() == ErrorKind.CANCELLED ? Outcome.CANCELLED : Outcome.FAILED;
        } else {
            kind = Outcome.SUCCEEDED;
        }
        return new QueryEnd(kind, elapsed, outcome.statements().size(), rows, updated,
                failure == null ? null : failure.kind(), failure == null ? null : failure.getMessage());
    }
}
