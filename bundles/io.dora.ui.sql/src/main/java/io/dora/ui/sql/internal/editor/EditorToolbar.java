package io.dora.ui.sql.internal.editor;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/** The row above the script: run, cancel, the transaction mode with commit and rollback, and the status. */
final class EditorToolbar extends Composite {

    private final ToolItem runStatement;
    private final ToolItem runScript;
    private final ToolItem cancel;
    private final ToolItem autoCommit;
    private final ToolItem commit;
    private final ToolItem rollback;
    private final Label transaction;
    private final Label status;

    EditorToolbar(Composite parent, SqlEditor editor) {
        super(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginHeight = 1;
        setLayout(layout);
        ToolBar bar = new ToolBar(this, SWT.FLAT | SWT.RIGHT);
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        runStatement = item(bar, SWT.PUSH, "Run", "Run the statement under the cursor or the selection (Ctrl+Enter)");
        runStatement.setImage(images.getImage(ISharedImages.IMG_TOOL_FORWARD));
        runStatement.addListener(SWT.Selection, event -> editor.runStatement());
        runScript = item(bar, SWT.PUSH, "Run Script", "Run the whole script or the selection as a script (Alt+X)");
        runScript.addListener(SWT.Selection, event -> editor.runScript());
        cancel = item(bar, SWT.PUSH, "Cancel", "Cancel the running query (Esc)");
        cancel.setImage(images.getImage(ISharedImages.IMG_ELCL_STOP));
        cancel.addListener(SWT.Selection, event -> editor.cancel());
        new ToolItem(bar, SWT.SEPARATOR);
        autoCommit = item(bar, SWT.CHECK, "Auto-commit",
                "Commit every statement (off: manual commit and rollback) (Ctrl+Alt+A)");
        autoCommit.setSelection(true);
        autoCommit.addListener(SWT.Selection, event -> editor.setAutoCommit(autoCommit.getSelection()));
        commit = item(bar, SWT.PUSH, "Commit", "Commit the open transaction (Ctrl+Alt+C)");
        commit.addListener(SWT.Selection, event -> editor.commit());
        rollback = item(bar, SWT.PUSH, "Rollback", "Roll back the open transaction (Ctrl+Alt+R)");
        rollback.addListener(SWT.Selection, event -> editor.rollback());
        transaction = new Label(this, SWT.NONE);
        transaction.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
        status = new Label(this, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    private static ToolItem item(ToolBar bar, int style, String text, String tooltip) {
        ToolItem item = new ToolItem(bar, style);
        item.setText(text);
        item.setToolTipText(tooltip);
        return item;
    }

    /** Whether the Auto-commit toggle can be used now (its keyboard command asks). */
    boolean autoCommitEnabled() {
        return autoCommit.getEnabled();
    }

    void status(String text, boolean error) {
        status.setText(text);
        status.setToolTipText(text);
        status.setForeground(getDisplay().getSystemColor(error ? SWT.COLOR_RED : SWT.COLOR_WIDGET_FOREGROUND));
    }

    /**
     * @param cancellable whether a query runs or a result waits for scrolling
     * @param busy        whether a query runs (the session is not free for transaction commands)
     */
    void update(boolean cancellable, boolean busy, boolean transactions, boolean autoCommitOn,
            int pendingStatements) {
        cancel.setEnabled(cancellable);
        autoCommit.setEnabled(transactions && !busy);
        autoCommit.setSelection(autoCommitOn);
        commit.setEnabled(transactions && !autoCommitOn && !busy);
        rollback.setEnabled(transactions && !autoCommitOn && !busy);
        if (!transactions || autoCommitOn) {
            transaction.setText("");
            transaction.setToolTipText(null);
        } else if (pendingStatements > 0) {
            transaction.setText("\u25cf Transaction pending (" + pendingStatements + ")");
            transaction.setToolTipText(pendingStatements + " statements ran since the last commit or rollback");
            transaction.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        } else {
            transaction.setText("Manual commit");
            transaction.setToolTipText("Nothing is pending");
            transaction.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        }
        layout(true);
    }
}
