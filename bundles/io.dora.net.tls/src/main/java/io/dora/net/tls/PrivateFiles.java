package io.dora.net.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files a client library can only read from disk (converted keys, key stores), written into a temporary folder
 * that only the owner can enter (0700; files 0600, set at creation, never world-readable for a moment) and
 * deleted on {@link #close()}, when the connection that needed them closes.
 */
public final class PrivateFiles implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);

    private Path directory;

    /** Writes {@code content} to a new owner-only file named {@code name} and returns its path. */
    public synchronized Path write(String name, byte[] content) throws IOException {
        if (directory == null) {
            directory = Files.createTempDirectory("dora-tls",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path file = directory.resolve(name);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }

    /** The folder, or {@code null} while nothing was written. */
    public synchronized Path directory() {
        return directory;
    }

    @Override
    public synchronized void close() {
        if (directory == null) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the private TLS files in {}: {}", directory, e.toString());
        }
        directory = null;
    }
}
