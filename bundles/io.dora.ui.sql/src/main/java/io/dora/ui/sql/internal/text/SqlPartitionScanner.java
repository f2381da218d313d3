package io.dora.ui.sql.internal.text;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.Token;

/** Splits a script into comments, string literals, quoted identifiers and code, as the dialect quotes them. */
final class SqlPartitionScanner extends RuleBasedPartitionScanner {

    static final String COMMENT = "__sql_comment";
    static final String STRING = "__sql_string";
    static final String QUOTED_IDENTIFIER = "__sql_quoted_identifier";
    static final String[] TYPES = { COMMENT, STRING, QUOTED_IDENTIFIER };

    SqlPartitionScanner(String dialect) {
        Token comment = new Token(COMMENT);
        Token string = new Token(STRING);
        Token identifier = new Token(QUOTED_IDENTIFIER);
        boolean mysql = "mysql".equals(dialect) || "mariadb".equals(dialect);
        char escape = mysql ? '\\' : 0;
        List<IPredicateRule> rules = new ArrayList<>();
        rules.add(new EndOfLineRule("--", comment));
        if (mysql) {
            rules.add(new EndOfLineRule("#", comment));
        }
        rules.add(new MultiLineRule("/*", "*/", comment, (char) 0, true));
        if ("postgres".equals(dialect)) {
            rules.add(new MultiLineRule("$$", "$$", string, (char) 0, true));
        }
        rules.add(new MultiLineRule("'", "'", string, escape, true));
        rules.add(new MultiLineRule(mysql ? "`" : "\"", mysql ? "`" : "\"", identifier, escape, true));
        setPredicateRules(rules.toArray(IPredicateRule[]::new));
    }
}
