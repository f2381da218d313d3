package io.dora.sql.policy;

import java.util.List;

import io.dora.sql.safety.DangerousRule;

/**
 * What the policy says about one statement.
 *
 * @param decision the strictest verdict of all the checks
 * @param broken   the dangerous rules that led to CONFIRM or BLOCK
 * @param reasons  one line per check that did not allow, each naming its rule or setting
 */
public record PolicyDecision(Decision decision, List<DangerousRule> broken, List<String> reasons) {

    public PolicyDecision {
        broken = List.copyOf(broken);
        reasons = List.copyOf(reasons);
    }
}
