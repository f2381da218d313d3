package io.dora.vault.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * Identifies one version of the vault file. Every write renames a new file into place, so the file key
 * (device and inode where the OS has them) changes on each write; size and modification time cover the
 * systems without file keys.
 */
public record FileStamp(Object fileKey, FileTime modified, long size) {

    /** The stamp of the file now, or {@code null} when there is none. */
    static FileStamp of(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
