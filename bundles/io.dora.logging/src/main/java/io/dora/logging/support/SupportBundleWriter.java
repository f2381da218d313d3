package io.dora.logging.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes "logs for support": one zip with the workspace's logs, the logging and policy configuration with
 * secrets masked, the installed plugins and their versions, the Java and OS facts, and the metrics. Used by
 * {@code dora cli support-bundle} and the workbench's "Export logs for support". A DS service.
 */
public interface SupportBundleWriter {

    /**
     * Writes the bundle, replacing the file if it exists.
     *
     * @return the names of the entries written
     */
    List<String> write(Path zipFile) throws IOException;

    /** {@code dora-support-<workspace>-<yyyyMMdd-HHmmss>.zip} for a bundle made now. */
    String suggestedFileName();
}
