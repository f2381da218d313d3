package io.dora.ui.sql.internal.text;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.NumberRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;

/**
 * Colours MongoDB code between comments and strings: operators ({@code $match}, {@code $gt}), unquoted keys
 * ({@code name:}), the shell's words ({@code db}, {@code find}, {@code ObjectId}) and numbers.
 */
final class MongoCodeScanner extends RuleBasedScanner {

    MongoCodeScanner(MongoColors colors) {
        Token operator = new Token(new TextAttribute(colors.operator()));
        Token key = new Token(new TextAttribute(colors.key()));
        Token word = new Token(new TextAttribute(colors.keyword(), null, SWT.BOLD));
        // any other identifier is read whole, so a shell word inside a longer name is not coloured
        WordRule operators = new WordRule(new Identifier(true), operator);
        WordRule words = new WordRule(new Identifier(false), new Token(null));
        MongoShellWords.ALL.forEach(shellWord -> words.addWord(shellWord, word));
        setRules(new IRule[] { new WhitespaceRule(Character::isWhitespace), operators, new KeyRule(key), words,
                new NumberRule(new Token(new TextAttribute(colors.number()))) });
    }

    /** An identifier followed by {@code :} (blanks between allowed): the key is coloured, not the colon. */
    private static final class KeyRule implements IRule {
        private final IToken key;
        private final Identifier identifier = new Identifier(false);

        KeyRule(IToken key) {
            this.key = key;
        }

        @Override
        public IToken evaluate(ICharacterScanner scanner) {
            int length = 0;
            int c = scanner.read();
            while (c != ICharacterScanner.EOF
                    && (length == 0 ? identifier.isWordStart((char) c) : identifier.isWordPart((char) c))) {
                length++;
                c = scanner.read();
            }
            int after = 1;
            while (c == ' ' || c == '\t') {
                c = scanner.read();
                after++;
            }
            for (int i = 0; i < after; i++) {
                scanner.unread();
            }
            if (length > 0 && c == ':') {
                return key;
            }
            for (int i = 0; i < length; i++) {
                scanner.unread();
            }
            return Token.UNDEFINED;
        }
    }

    private record Identifier(boolean operator) implements IWordDetector {
        @Override
        public boolean isWordStart(char c) {
            return operator ? c == '$' : Character.isLetter(c) || c == '_';
        }

        @Override
        public boolean isWordPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }
    }
}
