package io.dora.ui.sql.internal.editor;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.EditorPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.Environment;
import io.dora.core.driver.Capability;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.RunningQuery;
import io.dora.core.query.StatementOutcome;
import io.dora.ui.sql.internal.export.ResultExport;
import io.dora.ui.sql.internal.preferences.SqlEditorPreferences;
import io.dora.ui.sql.internal.preferences.SqlEditorSettings;
import io.dora.ui.sql.internal.results.ResultsPanel;
import io.dora.ui.sql.internal.session.EditorSessionState;
import io.dora.ui.sql.internal.text.SqlSourceViewerConfiguration;
import io.dora.workspace.EditorState;

/**
 * A SQL script bound to one connection, with its own pinned session: run the statement under the cursor, the
 * selection or the whole script in a job through the query manager, cancel, switch the transaction mode, and
 * see the results below. A production connection's editor carries a red banner.
 */
public final class SqlEditor extends EditorPart {

    public static final String ID = "io.dora.ui.sql.editor";
    public static final String CONTEXT_ID = "io.dora.ui.sql.editorContext";

    private static final Logger LOG = LoggerFactory.getLogger(SqlEditor.class);
    private static final int TICK_MILLIS = 150;

    /** One job at a time per editor: statements, commits and rollbacks run in the order they were asked. */
    private final ISchedulingRule serial = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    private EditorConnection database;
    private SqlEditorInput input;
    private Composite parent;
    private Label banner;
    private SashForm sash;
    private SourceViewer viewer;
    private ResultsPanel results;
    private EditorToolbar toolbar;
    private StatementLocator statements;
    private String dialect;
    private Display display;
    private volatile RunningQuery current;
    private Job running;
    private long runningSince;
    private boolean autoCommit = true;
    private int pendingStatements;
    private boolean shownWaiting;
    private int scriptSize;

    @Override
    public void init(IEditorSite site, IEditorInput editorInput) throws PartInitException {
        if (!(editorInput instanceof SqlEditorInput sqlInput)) {
            throw new PartInitException("The SQL editor opens connections, not " + editorInput.getName());
        }
        setSite(site);
        setInput(editorInput);
        input = sqlInput;
        setPartName(input.spec().name());
        setTitleToolTip(input.getToolTipText());
        database = new EditorConnection(input.spec());
    }

    @Override
    public void createPartControl(Composite parent) {
        ConnectionSpec spec = input.spec();
        this.parent = parent;
        display = parent.getDisplay();
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 0;
        parent.setLayout(layout);
        if (spec.environment() == Environment.PRODUCTION) {
            banner = createProductionBanner(parent, spec);
        }
        toolbar = new EditorToolbar(parent, this);
        toolbar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        dialect = database.dialect();
        statements = new StatementLocator(dialect);
        viewer = new SourceViewer(sash, null, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        SqlSourceViewerConfiguration configuration = new SqlSourceViewerConfiguration(dialect);
        Document document = new Document(input.initialText());
        configuration.setUp(document);
        viewer.configure(configuration);
        viewer.setDocument(document);
        viewer.getTextWidget().setFont(JFaceResources.getFont(JFaceResources.TEXT_FONT));
        results = new ResultsPanel(sash);
        EditorSessionState.apply(input, sash, viewer, results);
        getSite().getService(IContextService.class).activateContext(CONTEXT_ID);
        updateControls();
        connectInBackground();
    }

    /** Whether the editor's controls exist (created and not disposed yet). */
    public boolean hasControls() {
        return viewer != null && !viewer.getControl().isDisposed();
    }

    /** The editor as the session keeps it: text, cursor and layout. On the UI thread. */
    public EditorState state() {
        return EditorSessionState.capture(input, sash, viewer, results);
    }

    private static Label createProductionBanner(Composite parent, ConnectionSpec spec) {
        Label banner = new Label(parent, SWT.CENTER);
        banner.setText("PRODUCTION \u2014 " + spec.name() + (spec.readOnly() ? " (read-only)" : "")
                + " \u2014 every statement runs against a production database");
        banner.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        banner.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        banner.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.heightHint = 26;
        banner.setLayoutData(data);
        return banner;
    }

    /** Connects at once, so a wrong setting shows before the first query and the transaction controls know. */
    private void connectInBackground() {
        toolbar.status("Connecting to " + input.spec().name() + "\u2026", false);
        schedule("Connecting to " + input.spec().name(), () -> {
            database.session();
            LOG.info("SQL editor on '{}': connected", input.spec().name());
            ui(() -> {
                toolbar.status("Connected to " + input.spec().name(), false);
                updateControls();
                if (input.runOnOpen()) {
                    runScript();
                }
            });
        });
    }

    /** Ctrl+Enter: the selection when there is one, else the statement under the cursor. */
    public void runStatement() {
        ITextSelection selection = (ITextSelection) viewer.getSelectionProvider().getSelection();
        String text = viewer.getDocument().get();
        if (selection.getLength() > 0) {
            execute(statements.split(selection.getText()));
        } else {
            execute(statements.at(text, selection.getOffset()).stream().toList());
        }
    }

    /** Alt+X: the selection as a script when there is one, else the whole script. */
    public void runScript() {
        ITextSelection selection = (ITextSelection) viewer.getSelectionProvider().getSelection();
        execute(statements.split(selection.getLength() > 0 ? selection.getText() : viewer.getDocument().get()));
    }

    private void execute(List<String> script) {
        if (script.isEmpty()) {
            toolbar.status("Nothing to run here.", false);
            return;
        }
        if (input.connectionProblem() != null && database.connection() == null) {
            // the dialect (how to split) is known only once the saved profile is read: connect first
            connectInBackground();
            return;
        }
        if (running != null && !results.onlyWaitingForScrolling()) {
            toolbar.status("A query is still running: cancel it first (Esc).", true);
            return;
        }
        scriptSize = script.size();
        results.clear(); // also ends a previous result that waits for scrolling, which frees the session
        results.message("INFO", script.size() == 1 ? "Running " + StatementLocator.firstLine(script.get(0))
                : "Running a script of " + script.size() + " statements");
        String connection = input.spec().name();
        long started = System.nanoTime();
        QueryRequest request = QueryRequest.script(script);
        SqlEditorSettings settings = SqlEditorPreferences.current();
        var sink = results.newSink(script.size() - 1, settings.pageRows(), settings.capacityRows(),
                statement -> (rows, more) -> LOG.info("SQL editor on '{}': first {} rows of '{}' shown after {} ms{}",
                        connection, rows, StatementLocator.forLog(statement, dialect),
                        (System.nanoTime() - started) / 1_000_000, more ? ", more as the user scrolls" : ""));
        runningSince = started;
        Job job = new Job("Running SQL on " + connection) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                QueryOutcome outcome = null;
                DoraException failure = null;
                try {
                    current = database.queryManager().submit(database.session(), request, sink);
                    outcome = current.await();
                } catch (DoraException e) {
                    failure = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    current = null;
                }
                QueryOutcome done = outcome;
                DoraException error = failure;
                ui(() -> finished(this, done, error));
                return Status.OK_STATUS;
            }

            @Override
            protected void canceling() {
                cancel();
            }
        };
        job.setRule(serial);
        running = job;
        job.schedule();
        updateControls();
        tick();
    }

    /** F6: from the script to the rows of the result shown, and back. */
    public void toggleFocus() {
        if (!viewer.getTextWidget().isFocusControl() || !results.focusRows()) {
            viewer.getTextWidget().setFocus();
        }
    }

    /** Export Result… (Ctrl+Shift+X): the statement of the result shown runs again into a file, in a job of its own. */
    public void exportResult() {
        ResultExport.open(getSite().getShell(), database.connection(), results.shownStatement(), !autoCommit,
                SqlEditor::describe, (level, text) -> ui(() -> {
                    results.message(level, text);
                    toolbar.status(text, "ERROR".equals(level));
                    // the window's status line too: the editor's own status follows a result still streaming
                    IStatusLineManager statusLine = getEditorSite().getActionBars().getStatusLineManager();
                    if ("ERROR".equals(level)) {
                        statusLine.setErrorMessage(text);
                        results.showMessages();
                    } else {
                        statusLine.setErrorMessage(null);
                        statusLine.setMessage(text);
                    }
                }));
    }

    /** Cancel button and Esc: stops the query on the server, or a result set that waits for scrolling. */
    public void cancel() {
        ui(() -> {
            if (running == null) {
                return;
            }
            RunningQuery query = current;
            if (query != null) {
                database.queryManager().cancel(query.id());
            }
            results.stopStreaming();
            toolbar.status(String.format("Cancelling after %.1f s\u2026", seconds(runningSince)), false);
        });
    }

    private void finished(Job job, QueryOutcome outcome, DoraException failure) {
        if (job != running) {
            return; // a newer run replaced this one's results
        }
        running = null;
        results.refresh();
        if (failure != null) {
            showFailure(failure, seconds(runningSince));
        } else if (outcome != null) {
            report(outcome);
        }
        updateControls();
    }

    private void report(QueryOutcome outcome) {
        long rows = 0;
        long updated = 0;
        int succeeded = 0;
        for (StatementOutcome statement : outcome.statements()) {
            rows += statement.rows();
            updated += statement.updated();
            if (statement.succeeded()) {
                succeeded++;
            }
        }
        if (!autoCommit) {
            pendingStatements += succeeded;
        }
        double seconds = outcome.elapsed().toNanos() / 1e9;
        LOG.info("SQL editor on '{}': {} of {} statements succeeded, {} rows read, {} updated, {} ms",
                input.spec().name(), succeeded, outcome.statements().size(), rows, updated,
                outcome.elapsed().toMillis());
        StatementOutcome failed = outcome.statements().stream().filter(s -> !s.succeeded()).findFirst().orElse(null);
        if (failed != null) {
            showFailure(failed.error(), seconds, scriptSize > 1
                    ? "Statement " + (failed.index() + 1) + " of " + scriptSize + ": " : "");
            return;
        }
        String summary = String.format("%,d rows read, %,d updated \u00b7 %.3f s", rows, updated, seconds);
        results.message("INFO", "Done: " + summary);
        toolbar.status(summary, false);
    }

    private void showFailure(DoraException failure, double seconds) {
        showFailure(failure, seconds, "");
    }

    private void showFailure(DoraException failure, double seconds, String where) {
        if (failure.kind() == ErrorKind.CANCELLED) {
            toolbar.status(String.format("Cancelled after %.1f s", seconds), false);
            results.message("WARNING", String.format("Cancelled after %.1f s", seconds));
            return;
        }
        toolbar.status(where + describe(failure), true);
        results.message("ERROR", where + describe(failure));
        results.showMessages();
    }

    /** The typed message a user acts on, e.g. "Refused by the safety policy (UNSUPPORTED): ...". */
    static String describe(DoraException failure) {
        String kind = switch (failure.kind()) {
            case PERMISSION, UNSUPPORTED -> "Refused (" + failure.kind() + ")";
            case SYNTAX -> "Syntax error";
            case TIMEOUT -> "Timed out";
            case CREDENTIALS_LOCKED -> "Vault locked (Connections \u203a Unlock Vault, then run again)";
            default -> "Error (" + failure.kind() + ")";
        };
        return kind + ": " + failure.getMessage();
    }

    /** Re-paints the elapsed time and the arriving rows while a job runs. */
    private void tick() {
        if (running == null || viewer.getControl().isDisposed()) {
            return;
        }
        results.refresh();
        boolean waiting = results.onlyWaitingForScrolling();
        if (waiting != shownWaiting) {
            shownWaiting = waiting;
            updateControls();
        }
        if (waiting) {
            toolbar.status("First rows shown, more as you scroll", false);
        } else {
            toolbar.status(String.format("Running\u2026 %.1f s (Esc cancels)", seconds(runningSince)), false);
        }
        viewer.getControl().getDisplay().timerExec(TICK_MILLIS, this::tick);
    }

    public void setAutoCommit(boolean value) {
        results.stopStreaming();
        schedule(value ? "Auto-commit on" : "Manual commit", () -> {
            database.session().setAutoCommit(value);
            ui(() -> {
                autoCommit = value;
                if (value && pendingStatements > 0) {
                    results.message("INFO", "Switching to auto-commit committed the open transaction");
                }
                pendingStatements = 0;
                updateControls();
            });
        });
    }

    /** Ctrl+Alt+A: the Auto-commit toggle, when it is enabled (the driver has transactions, no query runs). */
    public void toggleAutoCommit() {
        if (toolbar.autoCommitEnabled()) {
            setAutoCommit(!autoCommit);
        }
    }

    public void commit() {
        endTransaction(true);
    }

    public void rollback() {
        endTransaction(false);
    }

    private void endTransaction(boolean commit) {
        results.stopStreaming();
        schedule(commit ? "Commit" : "Rollback", () -> {
            Session session = database.session();
            if (commit) {
                session.commit();
            } else {
                session.rollback();
            }
            ui(() -> {
                results.message("INFO", (commit ? "Committed" : "Rolled back") + " (" + pendingStatements + " statements)");
                toolbar.status(commit ? "Committed" : "Rolled back", false);
                pendingStatements = 0;
                updateControls();
            });
        });
    }

    /** Runs network work in a job of this editor; a failure lands in the messages and the status. */
    private void schedule(String name, Runnable work) {
        Job job = Job.create(name + " (" + input.spec().name() + ")", (IProgressMonitor monitor) -> {
            try {
                work.run();
            } catch (DoraException e) {
                ui(() -> {
                    showFailure(e, 0);
                    updateControls();
                });
            }
        });
        job.setRule(serial);
        job.schedule();
    }

    private void updateControls() {
        DatabaseConnection connection = database.connection();
        boolean transactions = connection != null && connection.capabilities().has(Capability.TRANSACTIONS);
        boolean waiting = results.onlyWaitingForScrolling();
        if (connection != null) {
            showConnection(connection.spec());
        }
        toolbar.update(running != null, running != null && !waiting, transactions, autoCommit, pendingStatements);
    }

    /**
     * Names the editor after the connection's saved profile once connected, and adds the production banner:
     * an editor restored while the vault was locked only knew the connection's id.
     */
    private void showConnection(ConnectionSpec connected) {
        if (!connected.name().equals(getPartName())) {
            setPartName(connected.name());
            setTitleToolTip(connected.name() + " (" + connected.environment()
                    + (connected.readOnly() ? ", read-only" : "") + ")");
        }
        if (banner == null && connected.environment() == Environment.PRODUCTION) {
            banner = createProductionBanner(parent, connected);
            banner.moveAbove(null);
            parent.layout(true, true);
        }
        if (!dialect.equals(database.dialect())) {
            dialect = database.dialect();
            statements = new StatementLocator(dialect);
        }
    }

    private void ui(Runnable update) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (viewer != null && !viewer.getControl().isDisposed()) {
                    update.run();
                }
            });
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (results != null) {
            results.stopStreaming();
        }
        RunningQuery query = current;
        if (query != null) {
            query.cancel();
        }
        EditorConnection closing = database;
        Job.create("Closing " + input.spec().name(), (IProgressMonitor monitor) -> closing.close()).schedule();
        super.dispose();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // scripts are not files yet; session restoration will keep them
    }

    @Override
    public void doSaveAs() {
        // see doSave
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }
}
