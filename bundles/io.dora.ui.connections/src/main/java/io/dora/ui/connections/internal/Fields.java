package io.dora.ui.connections.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Label-and-field rows on a three-column grid (label, field, optional button), as every tab uses them. */
public final class Fields {

    private final Composite grid;
    private final Runnable changed;

    public Fields(Composite parent, Runnable changed) {
        grid = new Composite(parent, SWT.NONE);
        grid.setLayout(new GridLayout(3, false));
        this.changed = changed;
    }

    public Composite control() {
        return grid;
    }

    public Text text(String label) {
        return text(label, SWT.BORDER, 2);
    }

    public Text password(String label) {
        return text(label, SWT.BORDER | SWT.PASSWORD, 2);
    }

    public Text multiLine(String label, int lines) {
        Text text = text(label, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL, 2);
        GridData data = (GridData) text.getLayoutData();
        data.heightHint = text.getLineHeight() * lines;
        data.verticalAlignment = SWT.FILL;
        return text;
    }

    /** A path field with a "Browse…" button opening a file dialog. */
    public Text file(String label, boolean save) {
        Text text = text(label, SWT.BORDER, 1);
        Button browse = new Button(grid, SWT.PUSH);
        browse.setText("Browse\u2026");
        browse.addListener(SWT.Selection, event -> {
            FileDialog dialog = new FileDialog(grid.getShell(), save ? SWT.SAVE : SWT.OPEN);
            dialog.setFileName(text.getText());
            String chosen = dialog.open();
            if (chosen != null) {
                text.setText(chosen);
            }
        });
        return text;
    }

    public Combo combo(String label, String... items) {
        label(label);
        Combo combo = new Combo(grid, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setItems(items);
        combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        combo.addListener(SWT.Selection, event -> changed.run());
        return combo;
    }

    public Button check(String label) {
        new Label(grid, SWT.NONE);
        Button check = new Button(grid, SWT.CHECK);
        check.setText(label);
        check.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        check.addListener(SWT.Selection, event -> changed.run());
        return check;
    }

    private Text text(String label, int style, int span) {
        label(label);
        Text text = new Text(grid, style);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        text.addListener(SWT.Modify, event -> changed.run());
        return text;
    }

    private void label(String text) {
        Label label = new Label(grid, SWT.NONE);
        label.setText(text);
        label.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
    }

    /** The text as a secret-bound char array; the caller's form keeps it. */
    public static char[] chars(Text text) {
        return text.getTextChars();
    }
}
