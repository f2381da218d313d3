package io.dora.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.error.InvalidInputException;

/**
 * The file an export writes: rows go to a temporary file next to the target (same folder, so the same file
 * system), renamed over the target only when the export succeeded. A reader of the target never sees half a
 * file, and a failed or cancelled export leaves the previous file as it was.
 */
final class TargetFile implements Destination {

    private static final Logger LOG = LoggerFactory.getLogger(TargetFile.class);

    private final Path target;
    private final Path temporary;

    private TargetFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /**
     * Creates the temporary file (owner-only, as exported rows may be sensitive).
     *
     * @throws InvalidInputException when the target is a folder or its folder cannot be written
     */
    static TargetFile create(Path target) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new InvalidInputException(List.of(absolute + " is a folder: name the file to write"));
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new InvalidInputException(List.of("The folder " + folder + " does not exist"));
        }
        try {
            return new TargetFile(absolute, Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".part"));
        } catch (IOException e) {
            throw new InvalidInputException(List.of("Cannot write in " + folder + ": " + e.getMessage()));
        }
    }

    Path temporary() {
        return temporary;
    }

    @Override
    public OutputStream open() throws IOException {
        return Files.newOutputStream(temporary);
    }

    @Override
    public Path file() {
        return target;
    }

    @Override
    public String describe() {
        return target.toString();
    }

    /** Moves the finished file over the target in one step. */
    @Override
    public void commit() throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the temporary file; the target is left alone. */
    @Override
    public void discard() {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            LOG.warn("Could not delete the partial export {}: {}", temporary, e.getMessage());
        }
    }
}
