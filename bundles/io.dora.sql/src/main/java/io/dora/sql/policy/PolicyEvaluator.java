package io.dora.sql.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dora.sql.safety.Classification;
import io.dora.sql.safety.DangerousRule;

/** Applies an environment's policy to a classified statement. */
public final class PolicyEvaluator {

    /**
     * @param connectionReadOnly a read-only connection blocks every write whatever the policy says
     */
    public PolicyDecision evaluate(Classification statement, EnvironmentPolicy policy, boolean connectionReadOnly) {
        Decision decision = Decision.ALLOW;
        List<DangerousRule> broken = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        String category = statement.category().name();
        if (statement.category().isWrite() && connectionReadOnly) {
            decision = Decision.BLOCK;
            reasons.add("read-only connection: " + category + " statements are blocked");
        } else if (statement.category().isWrite() && policy.readOnly()) {
            decision = Decision.BLOCK;
            reasons.add("readOnly: the environment is read-only, " + category + " statements are blocked");
        }
        for (DangerousRule rule : statement.rules()) {
            boolean where = rule == DangerousRule.MISSING_WHERE || rule == DangerousRule.TRIVIAL_WHERE;
            Decision ruleDecision = where && policy.requireWhere() ? Decision.BLOCK : decide(policy.dangerous());
            if (ruleDecision != Decision.ALLOW) {
                broken.add(rule);
                String setting = where && policy.requireWhere() ? "requireWhere" : "dangerous=" + policy.dangerous()
                        .name().toLowerCase(Locale.ROOT);
                reasons.add(rule.id() + ": " + rule.reason() + " (" + setting + ")");
                decision = decision.stricter(ruleDecision);
            }
        }
        return new PolicyDecision(decision, broken, reasons);
    }

    private static Decision decide(DangerousMode mode) {
        return switch (mode) {
            case ALLOW -> Decision.ALLOW;
            case CONFIRM -> Decision.CONFIRM;
            case BLOCK -> Decision.BLOCK;
        };
    }
}
