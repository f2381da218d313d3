package io.dora.ui.sql.internal.text;

import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.Token;

/**
 * Splits MongoDB statements into comments ({@code //}, {@code /* *}{@code /}), quoted keys (a string followed
 * by {@code :}, as in {@code {"name": 1}}), other strings and code.
 */
final class MongoPartitionScanner extends RuleBasedPartitionScanner {

    static final String KEY = "__mongo_key";

    MongoPartitionScanner() {
        Token comment = new Token(SqlPartitionScanner.COMMENT);
        setPredicateRules(new IPredicateRule[] { new EndOfLineRule("//", comment),
                new MultiLineRule("/*", "*/", comment, (char) 0, true), new QuotedRule('"'), new QuotedRule('\'') });
    }

    /** A string on one line; a key when a {@code :} follows it (blanks between allowed). */
    private static final class QuotedRule implements IPredicateRule {
        private final char quote;
        private final IToken string = new Token(SqlPartitionScanner.STRING);
        private final IToken key = new Token(KEY);

        QuotedRule(char quote) {
            this.quote = quote;
        }

        @Override
        public IToken getSuccessToken() {
            return string;
        }

        @Override
        public IToken evaluate(ICharacterScanner scanner, boolean resume) {
            if (!resume) {
                if (scanner.read() != quote) {
                    scanner.unread();
                    return Token.UNDEFINED;
                }
            }
            int c = scanner.read();
            while (c != quote && c != '\n' && c != ICharacterScanner.EOF) {
                if (c == '\\') {
                    scanner.read();
                }
                c = scanner.read();
            }
            if (c != quote) {
                return string; // unclosed: the rest of the line
            }
            int peeked = 0;
            do {
                c = scanner.read();
                peeked++;
            } while (c == ' ' || c == '\t');
            for (int i = 0; i < peeked; i++) {
                scanner.unread();
            }
            return c == ':' ? key : string;
        }

        @Override
        public IToken evaluate(ICharacterScanner scanner) {
            return evaluate(scanner, false);
        }
    }
}
