package io.dora.core.internal.query;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.Environment;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.error.PolicyViolationException;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.StatementOutcome;
import io.dora.core.safety.ConfirmationRequest;
import io.dora.core.safety.GuardDecision;
import io.dora.core.safety.StatementConfirmation;
import io.dora.core.safety.StatementGuard;
import io.dora.core.safety.StatementVerdict;
import io.dora.core.safety.Verdict;

/**
 * Decides, before any statement of a request runs, whether the request may run and with which limits. Fails
 * closed: no guard on a non-development connection, a failing guard, a failing or absent confirmation all
 * refuse the request, and nothing of it runs.
 */
final class ExecutionGate {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionGate.class);

    /** Either the limits to run with, or the refused statements' outcomes (nothing ran). */
    record Admission(GuardDecision decision, List<StatementOutcome> refusals) {
        boolean refused() {
            return !refusals.isEmpty();
        }
    }

    private final Supplier<StatementGuard> guard;
    private final Supplier<StatementConfirmation> confirmation;

    ExecutionGate(Supplier<StatementGuard> guard, Supplier<StatementConfirmation> confirmation) {
        this.guard = guard;
        this.confirmation = confirmation;
    }

    Admission admit(DatabaseConnection connection, QueryRequest request) {
        ConnectionSpec spec = connection.spec();
        GuardDecision decision;
        try {
            decision = decide(spec, connection.driverInfo().dialect(), request.statements());
        } catch (RuntimeException e) {
            LOG.error("The statement guard failed on '{}'; refusing the request", spec.name(), e);
            return refuseAll(request, "The safety check failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "), so nothing ran", "guard-failed");
        }
        if (decision == null) {
            return refuseAll(request, "No statement guard (the io.dora.sql bundle) is installed: statements on "
                    + spec.environment() + " connections are refused", "no-guard");
        }
        if (decision.verdicts().size() != request.statements().size()) {
            // a statement without a verdict must not run unjudged
            LOG.error("The statement guard judged {} of {} statements; refusing the request",
                    decision.verdicts().size(), request.statements().size());
            return refuseAll(request, "The safety check did not judge every statement, so nothing ran", "guard-failed");
        }
        List<StatementVerdict> objections = decision.objections();
        if (objections.isEmpty()) {
            return new Admission(decision, List.of());
        }
        if (decision.strictest() == Verdict.BLOCK) {
            return new Admission(decision, objections.stream().filter(v -> v.verdict() == Verdict.BLOCK)
                    .map(v -> refusal(v, "Blocked by the safety policy")).toList());
        }
        if (confirmed(spec, objections)) {
            LOG.info("{} statement(s) on '{}' ran after a confirmation", objections.size(), spec.name());
            return new Admission(decision, List.of());
        }
        return new Admission(decision, objections.stream().map(v -> refusal(v, "Not confirmed")).toList());
    }

    /** The guard's decision; without a guard, development connections run unlimited and others get none. */
    private GuardDecision decide(ConnectionSpec spec, String dialect, List<String> statements) {
        StatementGuard current = guard.get();
        if (current != null) {
            return Objects.requireNonNull(current.check(spec, dialect, statements), "the guard decided nothing");
        }
        if (spec.environment() != Environment.DEVELOPMENT) {
            return null;
        }
        return new GuardDecision(IntStream.range(0, statements.size())
                .mapToObj(i -> StatementVerdict.allow(i, statements.get(i))).toList(), 0, Duration.ZERO);
    }

    private boolean confirmed(ConnectionSpec spec, List<StatementVerdict> toConfirm) {
        StatementConfirmation asker = confirmation.get();
        if (asker == null) {
            return false;
        }
        try {
            return asker.confirm(new ConfirmationRequest(spec.name(), spec.environment(), toConfirm));
        } catch (RuntimeException e) {
            LOG.error("The statement confirmation failed; treating it as a refusal", e);
            return false;
        }
    }

    private static StatementOutcome refusal(StatementVerdict verdict, String what) {
        String message = what + ": " + String.join("; ", verdict.reasons());
        return new StatementOutcome(verdict.index(), verdict.statement(), 0, 0, 0, Duration.ZERO,
                new PolicyViolationException(message, verdict.rules()));
    }

    private static Admission refuseAll(QueryRequest request, String message, String rule) {
        List<String> statements = request.statements();
        return new Admission(null, IntStream.range(0, statements.size())
                .mapToObj(i -> new StatementOutcome(i, statements.get(i), 0, 0, 0, Duration.ZERO,
                        new PolicyViolationException(message, List.of(rule)))).toList());
    }
}
