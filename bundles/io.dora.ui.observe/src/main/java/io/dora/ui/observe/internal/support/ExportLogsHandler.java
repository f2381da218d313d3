package io.dora.ui.observe.internal.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.progress.IProgressConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.logging.support.SupportBundleWriter;
import io.dora.ui.internal.TrackedServices;

/**
 * Help > Export Logs for Support: asks where to save, writes the support zip in a job (the logs can be large)
 * and says where it went and how big it is.
 */
public final class ExportLogsHandler extends AbstractHandler {

    static final String DIALOG_TITLE = "Export Logs for Support";
    static final String DONE_TITLE = "Logs Exported";
    static final String FAILED_TITLE = "Export Failed";
    private static final Logger LOG = LoggerFactory.getLogger(ExportLogsHandler.class);

    private final TrackedServices<SupportBundleWriter> writers = new TrackedServices<>(getClass(),
            SupportBundleWriter.class, () -> { });
    private String lastFolder = System.getProperty("user.home");

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        SupportBundleWriter writer = writers.best();
        if (writer == null) {
            MessageDialog.openError(shell, FAILED_TITLE,
                    "The support bundle service (io.dora.logging) is not running, so there is nothing to export.");
            return null;
        }
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(DIALOG_TITLE);
        dialog.setFilterPath(lastFolder);
        dialog.setFileName(writer.suggestedFileName());
        dialog.setFilterExtensions(new String[] { "*.zip" });
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return null;
        }
        Path zip = Path.of(chosen).toAbsolutePath();
        if (zip.getParent() != null) {
            lastFolder = zip.getParent().toString();
        }
        export(writer, zip, shell.getDisplay());
        return null;
    }

    private static void export(SupportBundleWriter writer, Path zip, Display display) {
        Job job = Job.create(DIALOG_TITLE, (IJobFunction) monitor -> write(writer, zip, display, monitor));
        job.setUser(true);
        // failures get a dialog of their own that says what to do; no second, generic one from the platform
        job.setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
        job.schedule();
    }

    private static IStatus write(SupportBundleWriter writer, Path zip, Display display, IProgressMonitor monitor) {
        monitor.beginTask("Writing " + zip.getFileName(), IProgressMonitor.UNKNOWN);
        try {
            List<String> entries = writer.write(zip);
            String message = ExportReport.done(zip, Files.size(zip), entries);
            LOG.info("Support bundle written to {} ({} entries)", zip, entries.size());
            display.asyncExec(() -> MessageDialog.openInformation(display.getActiveShell(), DONE_TITLE, message));
            return Status.OK_STATUS;
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not write the support bundle to {}", zip, e);
            String message = ExportReport.failed(zip, e);
            display.asyncExec(() -> MessageDialog.openError(display.getActiveShell(), FAILED_TITLE, message));
            return Status.error(message, e);
        } finally {
            monitor.done();
        }
    }

    @Override
    public void dispose() {
        writers.close();
        super.dispose();
    }
}
