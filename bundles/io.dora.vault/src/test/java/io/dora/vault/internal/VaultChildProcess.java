package io.dora.vault.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.dora.vault.VaultEntry;

/**
 * The other process of the multi-process tests, started with the test's own class path.
 * <ul>
 * <li>{@code add <file> <prefix> <count> <ready-file> <go-file>}: unlocks, says it is ready, waits for the
 * go signal, then adds {@code count} entries, one write each.</li>
 * <li>{@code crash <file>}: unlocks and dies (halts with status {@value #CRASH_STATUS}) between writing the
 * temp file and renaming it over the vault.</li>
 * </ul>
 */
public final class VaultChildProcess {

    static final int CRASH_STATUS = 42;

    private VaultChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        switch (args[0]) {
            case "add" -> add(file, args[2], Integer.parseInt(args[3]), Path.of(args[4]), Path.of(args[5]));
            case "crash" -> crash(file);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void add(Path file, String prefix, int count, Path readyFile, Path goFile) throws Exception {
        FileVault vault = new FileVault(TestVaults.config(file.getParent()).withFile(file));
        vault.unlock(TestVaults.password());
        Files.createFile(readyFile);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(goFile)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no go signal");
            }
            Thread.sleep(2);
        }
        for (int i = 0; i < count; i++) {
            vault.put(VaultEntry.builder("connection", prefix + "-" + i).attribute("writer", prefix).build());
        }
        vault.lock();
    }

    private static void crash(Path file) {
        FileVault vault = new FileVault(TestVaults.config(file.getParent()).withFile(file),
                (temp, target) -> Runtime.getRuntime().halt(CRASH_STATUS), System::nanoTime);
        vault.unlock(TestVaults.password());
        vault.put(TestVaults.connection("never-written"));
        throw new IllegalStateException("the write should have halted the process");
    }
}
