package io.dora.vault.internal;

import static io.dora.vault.internal.TestVaults.config;
import static io.dora.vault.internal.TestVaults.connection;
import static io.dora.vault.internal.TestVaults.password;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.dora.core.secret.SecretString;
import io.dora.vault.Vault;
import io.dora.vault.VaultCorruptedException;
import io.dora.vault.VaultException;
import io.dora.vault.Vaults;
import io.dora.vault.WrongMasterPasswordException;
import io.dora.vault.internal.format.VaultHeader;

/** Damaged and tampered files, and writes interrupted before the rename. */
class VaultIntegrityTest {

    @TempDir
    Path directory;

    static Stream<Arguments> damages() {
        return Stream.of(
                Arguments.of("a flipped byte in the ciphertext", flip(VaultHeader.LENGTH + 5), "integrity check"),
                Arguments.of("a flipped byte in the tag", flip(-1), "integrity check"),
                Arguments.of("a flipped byte in the salt", flip(30), "damaged header"),
                Arguments.of("a flipped byte in the nonce", flip(80), "damaged header"),
                Arguments.of("a flipped byte in the magic", flip(1), "not a Dora vault file"),
                Arguments.of("a file cut inside the header", (UnaryOperator<byte[]>) bytes -> Arrays.copyOf(bytes, 50), "truncated"),
                Arguments.of("a file cut inside the ciphertext", (UnaryOperator<byte[]>) bytes -> Arrays.copyOf(bytes, bytes.length - 7), "integrity check"),
                Arguments.of("an empty file", (UnaryOperator<byte[]>) bytes -> new byte[0], "not a Dora vault file"));
    }

    private static UnaryOperator<byte[]> flip(int index) {
        return bytes -> {
            byte[] damaged = bytes.clone();
            int at = index < 0 ? damaged.length + index : index;
            damaged[at] ^= 0x01;
            return damaged;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void reportsDamageAndLeavesTheFileUntouched(String damage, UnaryOperator<byte[]> damageFile, String expectedMessage) throws IOException {
        Vault writer = Vaults.open(config(directory));
        writer.create(password());
        writer.put(connection("pg"));
        Path file = writer.file();
        byte[] damaged = damageFile.apply(Files.readAllBytes(file));
        // written aside and moved in, like any program replacing the file: a fresh inode shows the change at
        // once, where an in-place edit within one tick of the file system clock may look unchanged to a read
        Path aside = directory.resolve("damaged");
        Files.write(aside, damaged);
        Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);

        var onUnlock = assertThrows(VaultCorruptedException.class, () -> Vaults.open(config(directory)).unlock(password()));
        assertTrue(onUnlock.getMessage().contains(expectedMessage), onUnlock.getMessage());

        // a vault unlocked before the damage refuses to read or write over it
        assertThrows(VaultCorruptedException.class, () -> writer.get("connection", "pg"));
        assertThrows(VaultCorruptedException.class, () -> writer.put(connection("other")));
        assertThrows(VaultCorruptedException.class, () -> writer.changeMasterPassword(password(), SecretString.of("new")));
        assertArrayEquals(damaged, Files.readAllBytes(file), "the damaged file must be left as it is");
    }

    @Test
    void aWrongPasswordOnATamperedFileIsStillAWrongPassword() throws IOException {
        Vault vault = Vaults.open(config(directory));
        vault.create(password());
        Files.write(vault.file(), flip(-3).apply(Files.readAllBytes(vault.file())));
        Vault reader = Vaults.open(config(directory));
        // the key check comes first: without the right password nothing can be said about the content
        assertThrows(WrongMasterPasswordException.class, () -> reader.unlock(SecretString.of("wrong")));
        assertThrows(VaultCorruptedException.class, () -> reader.unlock(password()));
    }

    @Test
    void aFailedRenameLeavesTheOldVaultIntactAndUsable() throws IOException {
        Vault vault = Vaults.open(config(directory));
        vault.create(password());
        vault.put(connection("kept"));
        byte[] before = Files.readAllBytes(vault.file());

        FileVault failing = new FileVault(config(directory), (temp, target) -> {
            throw new IOException("simulated crash before the rename");
        }, System::nanoTime);
        failing.unlock(password());
        var error = assertThrows(VaultException.class, () -> failing.put(connection("lost")));
        assertTrue(error.getMessage().contains("simulated crash"), error.getMessage());

        assertArrayEquals(before, Files.readAllBytes(vault.file()));
        assertEquals(1, vault.list().size());
        vault.put(connection("after"));
        assertEquals(2, vault.list().size());
        try (Stream<Path> files = Files.list(directory)) {
            assertFalse(files.anyMatch(path -> path.toString().endsWith(".tmp")));
        }
    }
}
