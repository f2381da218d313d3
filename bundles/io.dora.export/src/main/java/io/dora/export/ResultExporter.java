package io.dora.export;

import java.nio.file.Path;

import io.dora.core.driver.Session;
import io.dora.core.error.DoraException;

/**
 * Runs one reading statement again and streams its first result set into a file, row by row in constant
 * memory, through the {@code QueryManager} (so the safety policy, timeouts and server-side cancel apply). The
 * rows go to a temporary file in the target's folder, moved into place only when the export succeeded: a
 * cancel or a failure leaves no partial file and never touches the file that was there before. A DS service.
 */
public interface ResultExporter {

    /**
     * Starts the export on the query manager's worker thread and returns at once.
     *
     * @param session   the session to run on; the caller keeps it open until the export is done
     * @param statement one statement that reads
     * @param target    the file to write; replaced only once the export succeeded
     * @throws DoraException {@code POLICY} for a statement that writes (it does not run); {@code INVALID_INPUT}
     *                       for no statement or several, or a target folder that cannot be written
     */
    RunningExport start(Session session, String statement, Path target, ExportSettings settings);
}
