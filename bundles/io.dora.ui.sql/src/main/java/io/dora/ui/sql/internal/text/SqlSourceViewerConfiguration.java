package io.dora.ui.sql.internal.text;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.SourceViewerConfiguration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/** Syntax colouring of one dialect: keywords, numbers, string literals, quoted identifiers and comments. */
public final class SqlSourceViewerConfiguration extends SourceViewerConfiguration {

    private static final RGB KEYWORD = new RGB(127, 0, 85);
    private static final RGB NUMBER = new RGB(0, 100, 200);
    private static final RGB STRING = new RGB(42, 0, 255);
    private static final RGB IDENTIFIER = new RGB(110, 80, 0);
    private static final RGB COMMENT = new RGB(63, 127, 95);

    private final String dialect;

    public SqlSourceViewerConfiguration(String dialect) {
        this.dialect = dialect;
    }

    /** Partitions the document by the dialect's quoting; call before the viewer shows it. */
    public void setUp(IDocument document) {
        FastPartitioner partitioner = new FastPartitioner(new SqlPartitionScanner(dialect), SqlPartitionScanner.TYPES);
        partitioner.connect(document);
        document.setDocumentPartitioner(partitioner);
    }

    @Override
    public String[] getConfiguredContentTypes(ISourceViewer sourceViewer) {
        return new String[] { IDocument.DEFAULT_CONTENT_TYPE, SqlPartitionScanner.COMMENT, SqlPartitionScanner.STRING,
                SqlPartitionScanner.QUOTED_IDENTIFIER };
    }

    @Override
    public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
        Display display = sourceViewer.getTextWidget().getDisplay();
        PresentationReconciler reconciler = new PresentationReconciler();
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

    /** A scanner that gives its whole partition one colour. */
    private static RuleBasedScanner whole(Color color, int style) {
        RuleBasedScanner scanner = new RuleBasedScanner();
        scanner.setDefaultReturnToken(new Token(new TextAttribute(color, null, style)));
        return scanner;
    }
}
