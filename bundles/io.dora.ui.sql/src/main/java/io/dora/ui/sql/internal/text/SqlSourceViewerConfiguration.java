package io.dora.ui.sql.internal.text;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.SourceViewerConfiguration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * Syntax colouring of one dialect: keywords, numbers, string literals, quoted identifiers and comments; for
 * MongoDB ({@code mongo}) the shell's words, operators such as {@code $match}, keys, strings and comments.
 */
public final class SqlSourceViewerConfiguration extends SourceViewerConfiguration {

    private static final RGB KEYWORD = new RGB(127, 0, 85);
    private static final RGB NUMBER = new RGB(0, 100, 200);
    private static final RGB STRING = new RGB(42, 0, 255);
    private static final RGB IDENTIFIER = new RGB(110, 80, 0);
    private static final RGB COMMENT = new RGB(63, 127, 95);
    private static final RGB OPERATOR = new RGB(170, 60, 0);
    private static final String MONGO = "mongo";

    private final String dialect;

    public SqlSourceViewerConfiguration(String dialect) {
        this.dialect = dialect;
    }

    /** Partitions the document by the dialect's quoting; call before the viewer shows it. */
    public void setUp(IDocument document) {
        FastPartitioner partitioner = MONGO.equals(dialect)
                ? new FastPartitioner(new MongoPartitionScanner(), new String[] { SqlPartitionScanner.COMMENT,
                        SqlPartitionScanner.STRING, MongoPartitionScanner.KEY })
                : new FastPartitioner(new SqlPartitionScanner(dialect), SqlPartitionScanner.TYPES);
        partitioner.connect(document);
        document.setDocumentPartitioner(partitioner);
    }

    @Override
    public String[] getConfiguredContentTypes(ISourceViewer sourceViewer) {
        return new String[] { IDocument.DEFAULT_CONTENT_TYPE, SqlPartitionScanner.COMMENT, SqlPartitionScanner.STRING,
                MONGO.equals(dialect) ? MongoPartitionScanner.KEY : SqlPartitionScanner.QUOTED_IDENTIFIER };
    }

    @Override
    public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
        Display display = sourceViewer.getTextWidget().getDisplay();
        PresentationReconciler reconciler = new PresentationReconciler();
        if (MONGO.equals(dialect)) {
            Color operator = new Color(display, OPERATOR);
            Color key = new Color(display, IDENTIFIER);
            add(reconciler, IDocument.DEFAULT_CONTENT_TYPE, new MongoCodeScanner(
                    new MongoColors(new Color(display, KEYWORD), new Color(display, NUMBER), operator, key)));
            add(reconciler, SqlPartitionScanner.COMMENT, whole(new Color(display, COMMENT), SWT.ITALIC));
            add(reconciler, SqlPartitionScanner.STRING, quoted(new Color(display, STRING), operator));
            add(reconciler, MongoPartitionScanner.KEY, quoted(key, operator));
            return reconciler;
        }
        add(reconciler, IDocument.DEFAULT_CONTENT_TYPE,
                new SqlCodeScanner(dialect, new Color(display, KEYWORD), new Color(display, NUMBER)));
        add(reconciler, SqlPartitionScanner.COMMENT, whole(new Color(display, COMMENT), SWT.ITALIC));
        add(reconciler, SqlPartitionScanner.STRING, whole(new Color(display, STRING), SWT.NORMAL));
        add(reconciler, SqlPartitionScanner.QUOTED_IDENTIFIER, whole(new Color(display, IDENTIFIER), SWT.NORMAL));
        return reconciler;
    }

    private static void add(PresentationReconciler reconciler, String contentType, RuleBasedScanner scanner) {
        DefaultDamagerRepairer repairer = new DefaultDamagerRepairer(scanner);
        reconciler.setDamager(repairer, contentType);
        reconciler.setRepairer(repairer, contentType);
    }

    /** A quoted string or key in one colour; an operator or field path ({@code "$match"}, {@code '$price'}) in another. */
    private static RuleBasedScanner quoted(Color color, Color operator) {
        RuleBasedScanner scanner = whole(color, SWT.NORMAL);
        Token operatorToken = new Token(new TextAttribute(operator));
        scanner.setRules(new IRule[] { characters -> {
            int quote = characters.read();
            if ((quote == '"' || quote == '\'') && characters.read() == '$') {
                while (characters.read() != ICharacterScanner.EOF) {
                    // the partition is one string: colour all of it
                }
                characters.unread();
                return operatorToken;
            }
            characters.unread();
            if (quote == '"' || quote == '\'') {
                characters.unread();
            }
            return Token.UNDEFINED;
        } });
        return scanner;
    }

    /** A scanner that gives its whole partition one colour. */
    private static RuleBasedScanner whole(Color color, int style) {
        RuleBasedScanner scanner = new RuleBasedScanner();
        scanner.setDefaultReturnToken(new Token(new TextAttribute(color, null, style)));
        return scanner;
    }
}
