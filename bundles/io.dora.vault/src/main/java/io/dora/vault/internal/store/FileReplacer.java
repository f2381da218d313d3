package io.dora.vault.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The last step of a write: puts the fully written and synced temp file in place of the vault. A seam for
 * the crash tests, which stop a process exactly between write and rename.
 */
@FunctionalInterface
public interface FileReplacer {

    /** An atomic rename within the directory: readers see the old file or the new one, never a mix. */
    FileReplacer ATOMIC_RENAME = (temp, target) ->
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    void replace(Path temp, Path target) throws IOException;
}
