package io.dora.ui.sql.internal.export;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.export.ExportResult;
import io.dora.export.ExportSettings;
import io.dora.export.ResultExporter;
import io.dora.export.RunningExport;

/**
 * Export Result…: the statement of the result shown runs again and streams into a file, in a job whose progress
 * (rows and bytes written) shows in the status bar and the Progress view; cancelling the job cancels the query
 * on the server and leaves no file.
 *
 * <p>The export runs on a session of its own, opened from the editor's connection: the editor's session is pinned
 * and runs one statement at a time, so an export on it would hold the editor, and the result still streaming
 * into its grid, for as long as the export runs. The price: that session does not see what the editor's open
 * transaction changed and did not commit, nor its temporary tables or settings. The dialog says so when the
 * editor is in manual-commit mode.
 */
public final class ResultExport {

    private static final long PROGRESS_MILLIS = 200;

    private ResultExport() {
    }

    /**
     * Asks where and how, then starts the job. On the UI thread.
     *
     * @param connection   the editor's open connection, or null while it connects
     * @param statement    the statement of the result shown, if a result is shown
     * @param manualCommit whether the editor's session is in manual-commit mode
     * @param describe     how a failure reads for the user (its kind and message)
     * @param report       told how it ended, as a level (INFO, WARNING, ERROR) and a text; on the job's thread
     */
    public static void open(Shell shell, DatabaseConnection connection, Optional<String> statement, boolean manualCommit,
            Function<DoraException, String> describe, BiConsumer<String, String> report) {
        if (statement.isEmpty()) {
            report.accept("WARNING", "Export Result runs the statement of the result shown again: run a query first.");
            return;
        }
        if (connection == null || connection.isClosed()) {
            report.accept("WARNING", "Export Result needs the editor's connection: wait until it is connected.");
            return;
        }
        String note = manualCommit ? "The export runs on a separate session: it does not see the changes of this"
                + " editor's open transaction that are not committed." : null;
        ExportDialog dialog = new ExportDialog(shell, statement.get(), note);
        if (dialog.open() != Window.OK) {
            return;
        }
        new ExportJob(connection, statement.get(), dialog.file(), dialog.settings(), describe, report).schedule();
    }

    /** The export in the background; its result goes to the report, never to an error dialog. */
    private static final class ExportJob extends Job {

        private final DatabaseConnection connection;
        private final String statement;
        private final Path target;
        private final ExportSettings settings;
        private final Function<DoraException, String> describe;
        private final BiConsumer<String, String> report;
        private volatile RunningExport running;

        ExportJob(DatabaseConnection connection, String statement, Path target, ExportSettings settings,
                Function<DoraException, String> describe, BiConsumer<String, String> report) {
            super("Exporting to " + target.getFileName());
            this.connection = connection;
            this.statement = statement;
            this.target = target;
            this.settings = settings;
            this.describe = describe;
            this.report = report;
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            monitor.beginTask("Exporting to " + target.getFileName(), IProgressMonitor.UNKNOWN);
            ServiceTracker<ResultExporter, ResultExporter> exporters = new ServiceTracker<>(
                    FrameworkUtil.getBundle(ResultExport.class).getBundleContext(), ResultExporter.class, null);
            exporters.open();
            try (Session session = connection.openSession()) {
                ResultExporter exporter = exporters.getService();
                if (exporter == null) {
                    throw new DoraException(ErrorKind.INTERNAL, "No result exporter is installed (io.dora.export).");
                }
                running = exporter.start(session, statement, target, settings);
                while (!running.awaitDone(PROGRESS_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (monitor.isCanceled()) {
                        running.cancel();
                    }
                    monitor.subTask(progress(running.rows(), running.bytes()));
                }
                reportDone(running.await());
            } catch (DoraException e) {
                reportFailure(e);
            } catch (InterruptedException e) {
                cancelRunning();
                Thread.currentThread().interrupt();
            } finally {
                exporters.close();
                monitor.done();
            }
            return Status.OK_STATUS;
        }

        @Override
        protected void canceling() {
            cancelRunning();
        }

        private void cancelRunning() {
            RunningExport export = running;
            if (export != null) {
                export.cancel();
            }
        }

        private void reportDone(ExportResult result) {
            report.accept("INFO", String.format("Exported %s to %s (%s) in %.1f s", rows(result.rows()),
                    result.file(), size(result.bytes()), result.elapsed().toMillis() / 1000.0));
            if (result.truncated()) {
                report.accept("WARNING", "The safety policy's row limit (maxRows) cut the export after "
                        + rows(result.rows()) + ": the file does not hold the whole result.");
            }
        }

        private void reportFailure(DoraException failure) {
            if (failure.kind() == ErrorKind.CANCELLED) {
                report.accept("WARNING", "Export cancelled: no file was written, " + target + " is as it was.");
            } else {
                report.accept("ERROR", "Export failed, no file was written: " + describe.apply(failure));
            }
        }
    }

    static String progress(long rows, long bytes) {
        return rows(rows) + " written (" + size(bytes) + ")";
    }

    private static String rows(long rows) {
        return String.format("%,d %s", rows, rows == 1 ? "row" : "rows");
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
