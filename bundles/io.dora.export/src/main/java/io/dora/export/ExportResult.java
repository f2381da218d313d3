package io.dora.export;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A finished export.
 *
 * @param file      the file written; null when the rows went to a stream (the command line's standard output)
 * @param rows      the rows written
 * @param bytes     the file's size
 * @param truncated whether the server's result had more rows than were written (the safety policy's row limit)
 * @param elapsed   from the start of the query to the file in place
 */
public record ExportResult(Path file, long rows, long bytes, boolean truncated, Duration elapsed) {
}
