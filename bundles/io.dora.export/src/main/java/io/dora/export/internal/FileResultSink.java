package io.dora.export.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.dora.core.query.ColumnInfo;
import io.dora.core.query.ResultSink;
import io.dora.export.CsvOptions;
import io.dora.export.ExportFormat;

/**
 * Writes the first result set of a statement into a stream as it arrives, one row at a time, so memory stays
 * constant whatever the size. Later result sets are skipped. A write that fails stops the reading; the
 * failure is kept for {@link #failure()}, since a sink cannot throw into the query.
 */
abstract class FileResultSink implements ResultSink, Closeable {

    private final AtomicLong rows = new AtomicLong();
    private volatile boolean stopped;
    private boolean started;
    private boolean writing;
    private boolean truncated;
    private IOException failure;

    /** A sink of the format over the stream; the sink closes the stream. */
    static FileResultSink open(ExportFormat format, CsvOptions csv, OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> new CsvResultSink(out, csv);
            case JSON -> new JsonResultSink(out, false);
            case JSONL -> new JsonResultSink(out, true);
        };
    }

    /** Writes what comes before the rows: a header, an opening bracket. */
    abstract void begin(List<ColumnInfo> columns) throws IOException;

    abstract void write(Object[] values) throws IOException;

    /** Writes what comes after the rows and flushes. */
    abstract void end() throws IOException;

    @Override
    public final void resultSetStarted(List<ColumnInfo> columns) {
        writing = !started;
        if (started || failure != null) {
            return;
        }
        started = true;
        try {
            begin(columns);
        } catch (IOException e) {
            failure = e;
        }
    }

    @Override
    public final boolean row(Object[] values) {
        if (!writing || stopped || failure != null) {
            return false;
        }
        try {
            write(values);
            rows.incrementAndGet();
            return true;
        } catch (IOException e) {
            failure = e;
            return false;
        }
    }

    @Override
    public final void resultSetEnded(long rowCount, boolean cut) {
        if (writing) {
            truncated = cut;
            writing = false;
        }
    }

    /** Completes the file after a successful query; throws the failure of an earlier write. */
    final void finish() throws IOException {
        if (failure != null) {
            throw failure;
        }
        end();
    }

    /** Makes the sink refuse further rows at once, whatever the server still sends. */
    final void stop() {
        stopped = true;
    }

    final long rows() {
        return rows.get();
    }

    /** Whether a result set arrived at all. */
    final boolean started() {
        return started;
    }

    final boolean truncated() {
        return truncated;
    }

    final IOException failure() {
        return failure;
    }
}
