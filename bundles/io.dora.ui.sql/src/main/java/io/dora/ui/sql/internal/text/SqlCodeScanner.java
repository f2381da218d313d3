package io.dora.ui.sql.internal.text;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.NumberRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

/** Colours the code between comments and literals: the dialect's keywords and numbers. */
final class SqlCodeScanner extends RuleBasedScanner {

    SqlCodeScanner(String dialect, Color keywordColor, Color numberColor) {
        Token keyword = new Token(new TextAttribute(keywordColor, null, SWT.BOLD));
        WordRule words = new WordRule(new SqlWordDetector(), Token.UNDEFINED, true);
        SqlKeywords.of(dialect).forEach(word -> words.addWord(word, keyword));
        setRules(new IRule[] { new WhitespaceRule(Character::isWhitespace), words,
                new NumberRule(new Token(new TextAttribute(numberColor))) });
    }

    private static final class SqlWordDetector implements IWordDetector {
        @Override
        public boolean isWordStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        @Override
        public boolean isWordPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }
    }
}
