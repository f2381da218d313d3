package io.dora.vault.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and atomically rewrites the vault file, safely across processes.
 *
 * <p>A write takes an exclusive lock on the sidecar file {@code <vault>.lock}, re-reads the current
 * content, lets the caller compute the new content from it, writes that to a temp file in the same
 * directory, syncs it, renames it over the vault and syncs the directory. Readers need no lock: a rename
 * is atomic, so they read the old file or the new one. A process that dies mid-write leaves the old vault
 * and, at worst, a temp file, which the next writer deletes while it holds the lock.
 */
public final class VaultFileStore {

    private static final Logger LOG = LoggerFactory.getLogger(VaultFileStore.class);
    private static final String TEMP_SUFFIX = ".tmp";

    /**
     * File locks belong to the whole JVM: a second lock attempt from the same JVM throws instead of waiting.
     * Writers in one JVM (two vault instances on one file) therefore queue on this lock first; it is
     * keyed by file, so it is JVM-wide state by nature, not a service.
     */
    private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final FileReplacer replacer;
    private final boolean posix;

    public VaultFileStore(Path file, FileReplacer replacer) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.replacer = replacer;
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The current version's stamp, or {@code null} when there is no file. */
    public FileStamp stamp() throws IOException {
        return FileStamp.of(file);
    }

    /** The file's content and the stamp of a version no older than that content. */
    public record Snapshot(byte[] content, FileStamp stamp) {
    }

    /** @throws NoSuchFileException when there is no vault file */
    public Snapshot read() throws IOException {
        // stamp first: if a write slips in between, the stamp is older than the content, which only
        // costs one needless reload later, never a missed one
        FileStamp stamp = stamp();
        return new Snapshot(Files.readAllBytes(file), stamp);
    }

    /**
     * Replaces the file with {@code change} applied to its latest content ({@code null} when there is no
     * file yet), under the cross-process write lock. Nothing is written when {@code change} throws or
     * returns {@code null}.
     *
     * @return the stamp of the file as it is afterwards
     */
    public FileStamp update(UnaryOperator<byte[]> change) throws IOException {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        jvmLock.lock();
        try {
            createDirectory();
            try (FileChannel lockChannel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerOnly());
                    FileLock lock = lockChannel.lock()) {
                deleteStaleTempFiles();
                byte[] current = exists() ? Files.readAllBytes(file) : null;
                byte[] next = change.apply(current);
                if (next != null) {
                    writeAtomically(next);
                }
                return stamp();
            }
        } finally {
            jvmLock.unlock();
        }
    }

    private void writeAtomically(byte[] content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly())) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            replacer.replace(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory();
    }

    /** Makes the rename durable; not every OS can open a directory, and there it is skipped. */
    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot sync directory {}: {}", file.getParent(), e.toString());
        }
    }

    /** Temp files left by a process that died mid-write; only called under the write lock, when no write runs. */
    private void deleteStaleTempFiles() throws IOException {
        String prefix = file.getFileName() + ".";
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(file.getParent())) {
            for (Path sibling : siblings) {
                String name = sibling.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX)) {
                    LOG.info("Deleting {}, left by an interrupted vault write", sibling);
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }

    private void createDirectory() throws IOException {
        Path directory = file.getParent();
        if (!Files.isDirectory(directory)) {
            if (posix) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        }
    }

    private FileAttribute<?>[] ownerOnly() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
