package io.dora.sql.safety;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The verdict on one statement.
 *
 * @param category what the statement does
 * @param rules    the dangerous rules it breaks, in a stable order
 * @param parsed   whether a parser understood it (false: keyword rules or fail-closed UNKNOWN)
 */
public record Classification(StatementCategory category, List<DangerousRule> rules, boolean parsed) {

    public Classification {
        rules = List.copyOf(new LinkedHashSet<>(rules));
    }

    public static Classification of(StatementCategory category, boolean parsed, DangerousRule... rules) {
        return new Classification(category, List.of(rules), parsed);
    }

    /** An unparsed, unrecognised statement: a write with the {@code unrecognised} rule. */
    public static Classification unknown() {
        return of(StatementCategory.UNKNOWN, false, DangerousRule.UNRECOGNISED);
    }

    public Classification withCategory(StatementCategory newCategory) {
        return new Classification(newCategory, rules, parsed);
    }

    public Classification withRules(Set<DangerousRule> extra) {
        List<DangerousRule> all = new ArrayList<>(rules);
        all.addAll(extra);
        return new Classification(category, all, parsed);
    }
}
