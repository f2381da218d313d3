package io.dora.export.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.error.InvalidInputException;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.RunningQuery;
import io.dora.export.ExportResult;
import io.dora.export.RunningExport;

/**
 * One export in flight: when its query ends, the file is completed and moved into place, or discarded. That
 * happens on the query's worker thread, so the file is settled even when nobody waits for the result.
 */
final class ExportRun implements RunningExport {

    private static final Logger LOG = LoggerFactory.getLogger(ExportRun.class);

    private final RunningQuery query;
    private final FileResultSink sink;
    private final CountingOutputStream counter;
    private final Destination destination;
    private final long startedNanos;
    private final CompletableFuture<ExportResult> result = new CompletableFuture<>();
    private volatile boolean cancelled;

    ExportRun(RunningQuery query, FileResultSink sink, CountingOutputStream counter, Destination destination,
            long startedNanos) {
        this.query = query;
        this.sink = sink;
        this.counter = counter;
        this.destination = destination;
        this.startedNanos = startedNanos;
        query.completion().whenComplete(this::settle);
    }

    @Override
    public long rows() {
        return sink.rows();
    }

    @Override
    public long bytes() {
        return counter.count();
    }

    @Override
    public void cancel() {
        cancelled = true;
        sink.stop();
        query.cancel();
    }

    @Override
    public boolean isDone() {
        return result.isDone();
    }

    @Override
    public ExportResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DoraException failure) {
                throw failure;
            }
            throw new DoraException(ErrorKind.INTERNAL, "The export failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public boolean awaitDone(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            result.get(timeout, unit);
        } catch (ExecutionException e) {
            // done, with a failure that await() reports
        } catch (TimeoutException e) {
            return false;
        }
        return true;
    }

    /** Settles the file first, then the result: whoever waits finds the folder as it will stay. */
    private void settle(QueryOutcome outcome, Throwable defect) {
        try {
            result.complete(complete(outcome, defect));
        } catch (DoraException e) {
            result.completeExceptionally(e);
        } catch (RuntimeException e) {
            result.completeExceptionally(new DoraException(ErrorKind.INTERNAL, "The export failed: " + e, e));
        }
    }

    private ExportResult complete(QueryOutcome outcome, Throwable defect) {
        boolean committed = false;
        try {
            if (defect != null) {
                throw new DoraException(ErrorKind.INTERNAL, "The export's query failed: " + defect, defect);
            }
            if (cancelled) {
                throw new DoraException(ErrorKind.CANCELLED, "The export was cancelled"
                        + (destination.file() == null ? "" : "; no file was written"));
            }
            if (outcome.failure().isPresent()) {
                throw outcome.failure().get();
            }
            if (!sink.started()) {
                throw new InvalidInputException(List.of("The statement returned no result set to export"));
            }
            sink.finish();
            sink.close();
            destination.commit();
            committed = true;
            ExportResult done = new ExportResult(destination.file(), sink.rows(), counter.count(), sink.truncated(),
                    Duration.ofNanos(System.nanoTime() - startedNanos));
            LOG.info("Exported {} rows ({} bytes{}) to {} in {} ms (query {})", done.rows(), done.bytes(),
                    done.truncated() ? ", cut by the row limit" : "", destination.describe(), done.elapsed().toMillis(),
                    query.id());
            return done;
        } catch (IOException e) {
            // a full disk or a vanished folder is no defect, but no error kind fits better: the message says it
            throw new DoraException(ErrorKind.INTERNAL, "Writing " + destination.describe() + " failed: " + e.getMessage(), e);
        } finally {
            if (!committed) {
                closeQuietly();
                destination.discard();
                LOG.info("Export to {} ended without a result after {} rows (query {})", destination.describe(),
                        sink.rows(), query.id());
            }
        }
    }

    private void closeQuietly() {
        try {
            sink.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the partial export failed", e);
        }
    }
}
