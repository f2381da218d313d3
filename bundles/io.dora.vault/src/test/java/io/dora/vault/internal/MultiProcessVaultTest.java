package io.dora.vault.internal;

import static io.dora.vault.internal.TestVaults.config;
import static io.dora.vault.internal.TestVaults.connection;
import static io.dora.vault.internal.TestVaults.password;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dora.vault.Vault;
import io.dora.vault.VaultEntry;
import io.dora.vault.Vaults;

/** Real second and third JVMs on the same vault file, as two workbenches on different workspaces would be. */
class MultiProcessVaultTest {

    private static final int ENTRIES_PER_PROCESS = 30;

    @TempDir
    Path directory;

    @Test
    void twoProcessesWritingAtOnceLoseNothing() throws Exception {
        Vault vault = Vaults.open(config(directory));
        vault.create(password());
        vault.put(connection("before"));
        Path go = directory.resolve("go");
        List<Process> children = new ArrayList<>();
        for (String writer : List.of("alpha", "beta")) {
            children.add(start(directory.resolve(writer + ".log"), "add", vault.file().toString(), writer,
                    String.valueOf(ENTRIES_PER_PROCESS), directory.resolve(writer + ".ready").toString(), go.toString()));
        }
        awaitFiles(children, directory.resolve("alpha.ready"), directory.resolve("beta.ready"));
        Files.createFile(go);
        for (Process child : children) {
            assertExit(child, 0);
        }

        Set<String> ids = vault.list("connection").stream().map(VaultEntry::id).collect(Collectors.toSet());
        assertEquals(2 * ENTRIES_PER_PROCESS + 1, ids.size(), () -> "entries: " + ids);
        for (int i = 0; i < ENTRIES_PER_PROCESS; i++) {
            assertTrue(ids.contains("alpha-" + i) && ids.contains("beta-" + i), "missing entry " + i);
        }
        assertEquals("beta", vault.get("connection", "beta-7").orElseThrow().attribute("writer").orElseThrow());
    }

    @Test
    void aProcessKilledBetweenWriteAndRenameLeavesTheOldVault() throws Exception {
        Vault vault = Vaults.open(config(directory));
        vault.create(password());
        vault.put(connection("kept"));
        vault.lock();
        byte[] before = Files.readAllBytes(vault.file());

        assertExit(start(directory.resolve("crash.log"), "crash", vault.file().toString()), VaultChildProcess.CRASH_STATUS);
        assertEquals(1, tempFiles().size(), "the dead writer's temp file is left behind");
        assertArrayEquals(before, Files.readAllBytes(vault.file()));

        vault.unlock(password());
        assertEquals(List.of("kept"), vault.list().stream().map(VaultEntry::id).toList());
        vault.put(connection("after-crash"));
        assertEquals(2, vault.list().size());
        assertEquals(List.of(), tempFiles(), "the next writer cleans up");
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), VaultChildProcess.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitFiles(List<Process> children, Path... files) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Stream.of(files).allMatch(Files::exists)) {
            for (Process child : children) {
                if (!child.isAlive()) {
                    throw new AssertionError("a child process ended early with status " + child.exitValue());
                }
            }
            assertTrue(System.nanoTime() < deadline, "the child processes did not get ready");
            Thread.sleep(10);
        }
    }

    private void assertExit(Process child, int expected) throws Exception {
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("a child process did not finish");
        }
        if (child.exitValue() != expected) {
            StringBuilder logs = new StringBuilder();
            try (Stream<Path> files = Files.list(directory)) {
                for (Path log : files.filter(path -> path.toString().endsWith(".log")).toList()) {
                    logs.append(log.getFileName()).append(":\n").append(Files.readString(log));
                }
            }
            throw new AssertionError("child exited with " + child.exitValue() + ", expected " + expected + "\n" + logs);
        }
    }
}
