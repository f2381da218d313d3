package io.dora.driver.sqlite.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;

/**
 * The sample database a new user can open with no server: made from {@code sample/shop.sql} on first use,
 * into a temporary file moved in place once complete, so a failed attempt never leaves half a database.
 */
final class SampleDatabase {

    static final String SCRIPT = "/sample/shop.sql";

    private static final Logger LOG = LoggerFactory.getLogger(SampleDatabase.class);
    /** The script's own format: every statement ends with a semicolon at the end of a line. */
    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*$", Pattern.MULTILINE);

    private SampleDatabase() {
    }

    static synchronized void ensureCreated(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), "sample", ".partial");
            try {
                fill(partial);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Created the sample database {}", file);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new DoraException(ErrorKind.INTERNAL, "The sample database could not be created: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new DoraException(ErrorKind.INTERNAL, "The sample script failed: " + e.getMessage(), e);
        }
    }

    private static void fill(Path file) throws IOException, SQLException {
        try (Connection connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties());
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String sql : statements()) {
                statement.execute(sql);
            }
            connection.commit();
        }
    }

    static List<String> statements() throws IOException {
        try (InputStream in = SampleDatabase.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("The bundle lacks " + SCRIPT));
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String withoutComments = script.lines().filter(line -> !line.stripLeading().startsWith("--"))
                    .reduce("", (text, line) -> text + line + "\n");
            return Arrays.stream(STATEMENT_END.split(withoutComments)).map(String::strip)
                    .filter(sql -> !sql.isEmpty()).toList();
        }
    }
}
