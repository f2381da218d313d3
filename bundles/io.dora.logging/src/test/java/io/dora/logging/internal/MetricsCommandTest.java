package io.dora.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dora.core.cli.CliCommand;
import io.dora.core.cli.CliExit;
import io.dora.core.cli.CommandContext;
import io.dora.logging.metrics.MetricsService;
import io.dora.logging.metrics.MetricsSnapshot;

class MetricsCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> ran = new ArrayList<>();
    /** The snapshot reflects what ran before it was taken. */
    private final MetricsService metrics = new MetricsService() {
        @Override
        public MetricsSnapshot snapshot() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String snapshotJson() {
            return "{\"queries\":" + ran.size() + "}";
        }
    };
    private final CliCommand export = new CliCommand() {
        @Override
        public String name() {
            return "export";
        }

        @Override
        public String summary() {
            return "";
        }

        @Override
        public String usage() {
            return "";
        }

        @Override
        public int run(CommandContext context) {
            ran.add(String.join(" ", context.args()));
            context.out().println("exported");
            return CliExit.NEGATIVE;
        }
    };
    private final MetricsCommand command = new MetricsCommand(metrics,
            name -> name.equals("export") ? Optional.of(export) : Optional.empty());

    @Test
    void withoutACommandPrintsTheProcessMetrics() throws Exception {
        assertEquals(CliExit.OK, run());
        assertEquals("{\"queries\":0}\n", text(out));
    }

    @Test
    void runsTheCommandFirstThenPrintsItsMetricsAndExitsWithItsCode() throws Exception {
        assertEquals(CliExit.NEGATIVE, run("export", "--connection", "sample"));
        assertEquals(List.of("--connection sample"), ran);
        assertEquals("exported\n{\"queries\":1}\n", text(out));
    }

    @Test
    void writesTheMetricsIntoAFile() throws Exception {
        Path file = dir.resolve("metrics.json");
        assertEquals(CliExit.NEGATIVE, run("--output", file.toString(), "export"));
        assertEquals("exported\n", text(out));
        assertEquals("{\"queries\":1}", Files.readString(file).strip());
    }

    @Test
    void anUnknownCommandOrAMissingFileIsAUsageError() throws Exception {
        assertEquals(CliExit.USAGE, run("exprot"));
        assertTrue(text(err).contains("unknown command 'exprot'"), text(err));
        assertEquals(CliExit.USAGE, run("metrics"));
        assertEquals(CliExit.USAGE, run("--output"));
        assertTrue(ran.isEmpty());
    }

    private int run(String... args) throws Exception {
        return command.run(new CommandContext(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                dir));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
