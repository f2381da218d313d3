package io.dora.ui.observe.internal.preferences;

import java.util.Arrays;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.dora.logging.LogLevel;

/** Asks for a logger (or package) name and its level, for Add and Edit on the logging preference page. */
final class LevelOverrideDialog extends TitleAreaDialog {

    private final String initialLogger;
    private final LogLevel initialLevel;
    private Text loggerText;
    private Combo levelCombo;
    private String logger;
    private LogLevel level;

    LevelOverrideDialog(Shell parent, String logger, LogLevel level) {
        super(parent);
        this.initialLogger = logger;
        this.initialLevel = level;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(initialLogger.isEmpty() ? "Add Logger Level" : "Edit Logger Level");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Logger level");
        setMessage("The level applies at once to the logger and the loggers below it (a package name covers its"
                + " classes), and wins over logback.xml.");
        Composite body = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);

        new Label(body, SWT.NONE).setText("&Logger or package:");
        loggerText = new Text(body, SWT.BORDER | SWT.SINGLE);
        loggerText.setText(initialLogger);
        loggerText.setMessage("io.dora.driver");
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(loggerText);

        new Label(body, SWT.NONE).setText("Le&vel:");
        levelCombo = new Combo(body, SWT.READ_ONLY);
        levelCombo.setItems(Arrays.stream(LogLevel.values()).map(Enum::name).toArray(String[]::new));
        levelCombo.select(initialLevel.ordinal());

        loggerText.addModifyListener(event -> validate());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    private void validate() {
        String problem = LevelOverrides.problemWith(loggerText.getText());
        setErrorMessage(loggerText.getText().isBlank() ? null : problem);
        getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
    }

    @Override
    protected void okPressed() {
        logger = loggerText.getText().strip();
        level = LogLevel.values()[levelCombo.getSelectionIndex()];
        super.okPressed();
    }

    String logger() {
        return logger;
    }

    LogLevel level() {
        return level;
    }
}
