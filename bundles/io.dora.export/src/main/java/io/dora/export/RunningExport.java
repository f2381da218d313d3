package io.dora.export;

import java.util.concurrent.TimeUnit;

import io.dora.core.error.DoraException;

/** An export started by {@link ResultExporter#start}; thread-safe. */
public interface RunningExport {

    /** Rows written so far. */
    long rows();

    /** Bytes written to the file so far. */
    long bytes();

    /** Cancels the query on the server and discards the partial file; returns at once. */
    void cancel();

    boolean isDone();

    /**
     * Waits for the export to end.
     *
     * @return the result once the file is in place
     * @throws DoraException why no file was written: the query's failure, {@code CANCELLED}, or the file's
     */
    ExportResult await() throws InterruptedException;

    /** Waits at most the given time; false when the export still runs. */
    boolean awaitDone(long timeout, TimeUnit unit) throws InterruptedException;
}
