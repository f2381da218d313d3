package io.dora.ui.observe.internal.preferences;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

import io.dora.logging.LogLevel;
import io.dora.logging.LoggingService;
import io.dora.logging.QueryTextMode;
import io.dora.ui.internal.TrackedServices;

/**
 * Dora > Logging: where the log and its configuration are, the run-time levels per logger or package, the
 * query text mode, and a reload of logback.xml. Apply and OK hand the changes to {@link LoggingService}, which
 * applies them at once and keeps them in the workspace; nothing needs a restart.
 */
public final class LoggingPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    private static final String[] MODE_LABELS = {
        "Redacted: literals replaced by ?, comments dropped (recommended)",
        "Full: the text as sent (may hold personal data; development only)",
        "Omitted: no query text at all" };

    private TrackedServices<LoggingService> services;
    private LoggingService logging;
    private LevelOverrides overrides;
    private TableViewer levels;
    private Combo queryText;

    @Override
    public void init(IWorkbench workbench) {
        services = new TrackedServices<>(getClass(), LoggingService.class, () -> { });
        setDescription("Dora writes JSON lines to a log per workspace. Levels and the query text setting apply at"
                + " once, without a restart.");
    }

    @Override
    protected Control createContents(Composite parent) {
        logging = services.best();
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(page);
        if (logging == null) {
            new Label(page, SWT.WRAP).setText("The logging service (io.dora.logging) is not running.");
            noDefaultAndApplyButton();
            return page;
        }
        overrides = new LevelOverrides(logging.levelOverrides());
        createFiles(page);
        createLevels(page);
        createQueryText(page);
        return page;
    }

    private void createFiles(Composite page) {
        Group files = new Group(page, SWT.NONE);
        files.setText("Files");
        GridLayoutFactory.swtDefaults().numColumns(4).applyTo(files);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(files);
        pathRow(files, "Log &folder:", logging.logDirectory(), true);
        pathRow(files, "&Configuration:", logging.configFile(), false);

        Button reload = new Button(files, SWT.PUSH);
        reload.setText("&Reload Configuration");
        reload.setToolTipText("Read logback.xml again now (Dora also notices a change within 5 seconds)");
        reload.addListener(SWT.Selection, event -> reload());
        GridDataFactory.swtDefaults().span(4, 1).applyTo(reload);
    }

    private void pathRow(Composite parent, String label, Path path, boolean folder) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.READ_ONLY | SWT.BORDER | SWT.SINGLE);
        text.setText(path.toString());
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(text);
        Button open = new Button(parent, SWT.PUSH);
        open.setText(folder ? "Open Folder" : "Open");
        open.addListener(SWT.Selection, event -> open(path));
        GridDataFactory.fillDefaults().applyTo(open);
        Button copy = new Button(parent, SWT.PUSH);
        copy.setText("Copy Path");
        copy.addListener(SWT.Selection, event -> copy(path.toString()));
        GridDataFactory.fillDefaults().applyTo(copy);
    }

    private void open(Path path) {
        if (!Program.launch(path.toString())) {
            copy(path.toString());
            setMessage("No program here opens " + path.getFileName() + "; its path is on the clipboard.", WARNING);
        }
    }

    private void copy(String text) {
        Clipboard clipboard = new Clipboard(getShell().getDisplay());
        try {
            clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }

    private void reload() {
        try {
            logging.reload();
            // a file with errors is not applied; LoggingService logs what is wrong
            setMessage(logging.configFile().getFileName() + " read again (errors, if any, are in the log)",
                    INFORMATION);
        } catch (RuntimeException e) {
            setErrorMessage("Could not reload the configuration: " + e.getMessage());
        }
        levels.refresh(); // the effective levels may have changed
    }

    private void createLevels(Composite page) {
        Group group = new Group(page, SWT.NONE);
        group.setText("Logger levels (win over logback.xml)");
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(group);

        levels = new TableViewer(group, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
        levels.getTable().setHeaderVisible(true);
        levels.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 140).applyTo(levels.getControl());
        column("Logger or package", 260, entry -> entry.getKey());
        column("Level", 80, entry -> entry.getValue().name());
        column("Logging now at", 110, entry -> logging.effectiveLevel(entry.getKey()).name());
        levels.setContentProvider(ArrayContentProvider.getInstance());
        levels.addDoubleClickListener(event -> edit());

        Composite buttons = new Composite(group, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        button(buttons, "&Add...", this::add);
        Button edit = button(buttons, "&Edit...", this::edit);
        Button remove = button(buttons, "Re&move", this::remove);
        levels.addSelectionChangedListener(event -> {
            edit.setEnabled(!event.getSelection().isEmpty());
            remove.setEnabled(!event.getSelection().isEmpty());
        });
        edit.setEnabled(false);
        remove.setEnabled(false);
        showLevels();
    }

    private void column(String title, int width, Function<Map.Entry<String, LogLevel>, String> text) {
        TableViewerColumn column = new TableViewerColumn(levels, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @SuppressWarnings("unchecked")
            @Override
            public String getText(Object element) {
                return text.apply((Map.Entry<String, LogLevel>) element);
            }
        });
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, event -> action.run());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(button);
        return button;
    }

    private void add() {
        LevelOverrideDialog dialog = new LevelOverrideDialog(getShell(), "", LogLevel.DEBUG);
        if (dialog.open() == Window.OK) {
            overrides.put(dialog.logger(), dialog.level());
            showLevels();
        }
    }

    @SuppressWarnings("unchecked")
    private void edit() {
        Object selected = levels.getStructuredSelection().getFirstElement();
        if (selected == null) {
            return;
        }
        Map.Entry<String, LogLevel> entry = (Map.Entry<String, LogLevel>) selected;
        LevelOverrideDialog dialog = new LevelOverrideDialog(getShell(), entry.getKey(), entry.getValue());
        if (dialog.open() == Window.OK) {
            overrides.replace(entry.getKey(), dialog.logger(), dialog.level());
            showLevels();
        }
    }

    @SuppressWarnings("unchecked")
    private void remove() {
        IStructuredSelection selection = levels.getStructuredSelection();
        if (!selection.isEmpty()) {
            overrides.remove(((Map.Entry<String, LogLevel>) selection.getFirstElement()).getKey());
            showLevels();
        }
    }

    private void showLevels() {
        levels.setInput(overrides.levels().entrySet().toArray());
    }

    private void createQueryText(Composite page) {
        Composite row = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        new Label(row, SWT.NONE).setText("&Query text in the log:");
        queryText = new Combo(row, SWT.READ_ONLY);
        queryText.setItems(MODE_LABELS);
        queryText.select(logging.queryTextMode().ordinal());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(queryText);
    }

    @Override
    protected void performDefaults() {
        if (overrides != null) {
            overrides.clear();
            showLevels();
            queryText.select(QueryTextMode.REDACTED.ordinal());
        }
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        if (logging == null) {
            return true;
        }
        try {
            overrides.applyTo(logging::setLevel);
            logging.setQueryTextMode(QueryTextMode.values()[queryText.getSelectionIndex()]);
        } catch (RuntimeException e) {
            setErrorMessage("Could not apply the logging settings: " + e.getMessage());
            return false;
        }
        // what is in force now is the new starting point for the next Apply
        overrides = new LevelOverrides(logging.levelOverrides());
        showLevels();
        return true;
    }

    @Override
    public void dispose() {
        services.close();
        super.dispose();
    }
}
