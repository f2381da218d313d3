package io.dora.ui.sql.internal.export;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.dora.export.CsvOptions;
import io.dora.export.ExportFormat;
import io.dora.export.ExportSettings;

/** Export Result: the format, the file and the CSV options. */
final class ExportDialog extends TitleAreaDialog {

    private static final String[] FORMAT_NAMES = { "CSV", "JSON (array of objects)", "JSON Lines" };
    private static final ExportFormat[] FORMATS = { ExportFormat.CSV, ExportFormat.JSON, ExportFormat.JSONL };
    private static final String[] DELIMITER_NAMES = { "Comma ,", "Semicolon ;", "Tab", "Pipe |" };
    private static final char[] DELIMITERS = { ',', ';', '\t', '|' };

    private final String statement;
    private final String sessionNote;
    private Combo format;
    private Text file;
    private Combo delimiter;
    private Text nullMarker;
    private Button byteOrderMark;
    private Group csvGroup;
    private Path chosenFile;
    private ExportSettings chosenSettings;

    /**
     * @param statement   the statement that runs again, shown so the user knows what is exported
     * @param sessionNote a warning about the session the export runs on, or null
     */
    ExportDialog(Shell parent, String statement, String sessionNote) {
        super(parent);
        this.statement = statement;
        this.sessionNote = sessionNote;
    }

    Path file() {
        return chosenFile;
    }

    ExportSettings settings() {
        return chosenSettings;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Export Result");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Export Result");
        setMessage(sessionNote != null ? sessionNote : "Runs the statement again and streams every row into the file.",
                sessionNote != null ? IMessageProvider.WARNING : IMessageProvider.INFORMATION);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        body.setLayout(new GridLayout(3, false));
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        new Label(body, SWT.NONE).setText("Statement:");
        Label shown = new Label(body, SWT.WRAP);
        shown.setText(firstLine(statement));
        shown.setToolTipText(statement);
        shown.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        new Label(body, SWT.NONE).setText("&Format:");
        format = new Combo(body, SWT.READ_ONLY);
        format.setItems(FORMAT_NAMES);
        format.select(0);
        format.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        new Label(body, SWT.NONE).setText("F&ile:");
        file = new Text(body, SWT.BORDER);
        file.setText(Path.of(System.getProperty("user.home"), "result.csv").toString());
        GridData fileData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        fileData.widthHint = 380;
        file.setLayoutData(fileData);
        Button browse = new Button(body, SWT.PUSH);
        browse.setText("&Browse\u2026");
        browse.addListener(SWT.Selection, event -> browse());

        csvGroup = new Group(body, SWT.NONE);
        csvGroup.setText("CSV");
        csvGroup.setLayout(new GridLayout(2, false));
        csvGroup.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        new Label(csvGroup, SWT.NONE).setText("&Delimiter:");
        delimiter = new Combo(csvGroup, SWT.READ_ONLY);
        delimiter.setItems(DELIMITER_NAMES);
        delimiter.select(0);
        new Label(csvGroup, SWT.NONE).setText("&NULL as:");
        nullMarker = new Text(csvGroup, SWT.BORDER);
        nullMarker.setMessage("an empty field (an empty string is then \"\")");
        nullMarker.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        byteOrderMark = new Button(csvGroup, SWT.CHECK);
        byteOrderMark.setText("Start with a UTF-8 byte order mark (for &Excel)");
        byteOrderMark.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        format.addListener(SWT.Selection, event -> formatChanged());
        file.addListener(SWT.Modify, event -> validate());
        nullMarker.addListener(SWT.Modify, event -> validate());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Export", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    /** The file's extension follows the format, the CSV options show only for CSV. */
    private void formatChanged() {
        ExportFormat chosen = FORMATS[format.getSelectionIndex()];
        String path = file.getText();
        int dot = path.lastIndexOf('.');
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        if (dot > slash) {
            file.setText(path.substring(0, dot + 1) + chosen.extension());
        }
        setEnabled(csvGroup, chosen == ExportFormat.CSV);
        validate();
    }

    private static void setEnabled(Composite composite, boolean enabled) {
        for (Control child : composite.getChildren()) {
            child.setEnabled(enabled);
        }
    }

    private void browse() {
        FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
        dialog.setOverwrite(true);
        ExportFormat chosen = FORMATS[format.getSelectionIndex()];
        dialog.setFilterExtensions(new String[] { "*." + chosen.extension(), "*" });
        Path current = Path.of(file.getText().isBlank() ? System.getProperty("user.home") : file.getText());
        if (current.getParent() != null) {
            dialog.setFilterPath(current.getParent().toString());
        }
        dialog.setFileName(current.getFileName() == null ? "" : current.getFileName().toString());
        String picked = dialog.open();
        if (picked != null) {
            file.setText(picked);
        }
    }

    /** Says what is wrong in the message area and keeps Export disabled until it is right. */
    private void validate() {
        String problem = problem();
        setErrorMessage(problem);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem == null);
        }
    }

    private String problem() {
        if (file.getText().isBlank()) {
            return "Name the file to write.";
        }
        Path path = Path.of(file.getText()).toAbsolutePath();
        if (Files.isDirectory(path)) {
            return path + " is a folder: name the file to write.";
        }
        if (path.getParent() == null || !Files.isDirectory(path.getParent())) {
            return "The folder " + path.getParent() + " does not exist.";
        }
        try {
            csvOptions();
        } catch (IllegalArgumentException e) {
            return e.getMessage() + ".";
        }
        return null;
    }

    private CsvOptions csvOptions() {
        return new CsvOptions(DELIMITERS[delimiter.getSelectionIndex()], nullMarker.getText(),
                byteOrderMark.getSelection());
    }

    @Override
    protected void okPressed() {
        if (problem() != null) {
            validate();
            return;
        }
        chosenFile = Path.of(file.getText()).toAbsolutePath();
        chosenSettings = ExportSettings.of(FORMATS[format.getSelectionIndex()]).withCsv(csvOptions());
        super.okPressed();
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 100 ? line.substring(0, 100) + "\u2026" : line;
    }
}
