package io.dora.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** Where an export's bytes go: a file put in place at the end ({@link TargetFile}), or a stream. */
interface Destination {

    OutputStream open() throws IOException;

    /** Called once every row is written and the stream closed. */
    void commit() throws IOException;

    /** Called instead of {@link #commit()} when the export failed or was cancelled. */
    void discard();

    /** The file, or null for a stream. */
    Path file();

    /** For messages: the file, or what the stream is. */
    String describe();

    /** Standard output: the rows stream through as they come, so a failure mid-way leaves what was written. */
    static Destination stream(OutputStream out, String name) {
        return new Destination() {
            @Override
            public OutputStream open() {
                // the stream is not ours to close
                return new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush();
                    }
                };
            }

            @Override
            public void commit() {
                // the rows are out already
            }

            @Override
            public void discard() {
                // cannot take back what went out
            }

            @Override
            public Path file() {
                return null;
            }

            @Override
            public String describe() {
                return name;
            }
        };
    }
}
