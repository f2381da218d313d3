package io.dora.sql.internal.guard;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.safety.GuardDecision;
import io.dora.core.safety.StatementGuard;
import io.dora.core.safety.StatementVerdict;
import io.dora.core.safety.Verdict;
import io.dora.sql.policy.EffectivePolicy;
import io.dora.sql.policy.EnvironmentPolicy;
import io.dora.sql.policy.PolicyDecision;
import io.dora.sql.policy.PolicyEvaluator;
import io.dora.sql.policy.PolicyLoader;
import io.dora.sql.safety.Classification;
import io.dora.sql.safety.DangerousRule;
import io.dora.sql.safety.DialectClassifier;

/**
 * The {@link StatementGuard} of the workbench and the headless applications: classifies each statement with
 * the connection's dialect and evaluates it against the effective policy of the connection's environment and
 * its read-only flag. The policy files are read at every check, so an edit applies to the next statement; a
 * broken policy file throws, and the engine refuses the request (fail closed).
 */
@Component(service = StatementGuard.class)
public final class SqlStatementGuard implements StatementGuard {

    /** The rule id of a write refused because the connection is read-only. */
    static final String READ_ONLY_RULE = "read-only";
    /** The rule id of a write refused because the environment's policy is read-only. */
    static final String POLICY_READ_ONLY_RULE = "policy-read-only";

    private final Supplier<EffectivePolicy> policy;
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    /** The user's and the workspace's policy files, then the {@code DORA_POLICY_*} variables. */
    @Activate
    public SqlStatementGuard(BundleContext context) {
        this(standardPolicy(Path.of(System.getProperty("user.home")), workspace(context.getProperty("osgi.instance.area")),
                System.getenv()));
    }

    SqlStatementGuard(Supplier<EffectivePolicy> policy) {
        this.policy = policy;
    }

    static Supplier<EffectivePolicy> standardPolicy(Path home, Path workspace, Map<String, String> variables) {
        List<Path> files = new ArrayList<>();
        files.add(PolicyLoader.userPolicyFile(home));
        if (workspace != null) {
            files.add(PolicyLoader.workspacePolicyFile(workspace));
        }
        return () -> new PolicyLoader().load(files, variables);
    }

    /** The workspace folder from the instance area ({@code file:/path/}), or null when there is none. */
    static Path workspace(String instanceArea) {
        if (instanceArea == null || !instanceArea.startsWith("file:")) {
            return null;
        }
        return Path.of(instanceArea.substring("file:".length()));
    }

    @Override
    public GuardDecision check(ConnectionSpec connection, String dialect, List<String> statements) {
        EnvironmentPolicy rules = policy.get().forEnvironment(connection.environment());
        List<StatementVerdict> verdicts = new ArrayList<>();
        for (int index = 0; index < statements.size(); index++) {
            String statement = statements.get(index);
            Classification classification = DialectClassifier.classify(dialect, statement);
            PolicyDecision decision = evaluator.evaluate(classification, rules, connection.readOnly());
            List<String> ruleIds = new ArrayList<>();
            if (classification.category().isWrite() && connection.readOnly()) {
                ruleIds.add(READ_ONLY_RULE);
            } else if (classification.category().isWrite() && rules.readOnly()) {
                ruleIds.add(POLICY_READ_ONLY_RULE);
            }
            decision.broken().stream().map(DangerousRule::id).forEach(ruleIds::add);
            verdicts.add(new StatementVerdict(index, statement, switch (decision.decision()) {
                case ALLOW -> Verdict.ALLOW;
                case CONFIRM -> Verdict.CONFIRM;
                case BLOCK -> Verdict.BLOCK;
            }, ruleIds, decision.reasons()));
        }
        return new GuardDecision(verdicts, rules.maxRows(), Duration.ofSeconds(rules.statementTimeoutSeconds()));
    }
}
