package io.dora.export.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the bytes that reach the file, for the progress shown while an export runs. */
final class CountingOutputStream extends FilterOutputStream {

    private final AtomicLong count = new AtomicLong();

    CountingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count.incrementAndGet();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count.addAndGet(len);
    }

    long count() {
        return count.get();
    }
}
