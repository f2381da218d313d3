package io.dora.driver.mysql.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * MySQL 8 in a Docker container (Testcontainers), for {@code -Ddora.test.containers=true}. Its differences from
 * MariaDB that the tests meet are settled here: the user logs in with {@code mysql_native_password} (MySQL 8's
 * {@code caching_sha2_password} wants TLS or RSA key retrieval on a cold cache, which the tests do not configure),
 * the sequence is a recursive CTE (no SEQUENCE engine), and the sleep runs against a one-row table, because MySQL
 * answers a killed {@code SELECT SLEEP(n)} alone with the row {@code 1} instead of an error.
 */
final class MySqlContainerServer extends MySqlTestServer {

    static final String IMAGE = "mysql:8.4";
    /** Outside {@link #DATABASE}, whose tables the tests list. */
    private static final String ONE_ROW = "dora_fixture.one_row";

    private final MySQLContainer container;

    private MySqlContainerServer(MySQLContainer container) {
        this.container = container;
    }

    static MySqlContainerServer start() {
        TestContainers.requireDocker(IMAGE);
        MySQLContainer container = new MySQLContainer(DockerImageName.parse(IMAGE)).withDatabaseName(DATABASE)
                .withUsername(USER).withPassword(PASSWORD)
                .withCommand("--mysql-native-password=ON", "--cte-max-recursion-depth=100000000");
        try {
            container.start();
            MySqlContainerServer server = new MySqlContainerServer(container);
            server.asRoot("ALTER USER '" + USER + "'@'%' IDENTIFIED WITH mysql_native_password BY '" + PASSWORD + "'",
                    "GRANT ALL ON *.* TO '" + USER + "'@'%' WITH GRANT OPTION",
                    "CREATE DATABASE dora_fixture", "CREATE TABLE " + ONE_ROW + " (id INT PRIMARY KEY)",
                    "INSERT INTO " + ONE_ROW + " VALUES (1)");
            return server;
        } catch (RuntimeException | SQLException e) {
            container.stop();
            throw unavailable("The " + IMAGE + " container could not start: " + e.getMessage(), e);
        }
    }

    /** The image makes root's password the user's. */
    private void asRoot(String... statements) throws SQLException {
        try (Connection root = DriverManager.getConnection("jdbc:mysql://" + host() + ":" + port() + "/"
                + DATABASE + "?allowPublicKeyRetrieval=true", "root", PASSWORD);
                Statement statement = root.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @Override
    String host() {
        return container.getHost();
    }

    @Override
    int port() {
        return container.getMappedPort(MySQLContainer.MYSQL_PORT);
    }

    @Override
    String description() {
        try {
            return "MySQL " + version() + " container (Testcontainers, image " + IMAGE + ")";
        } catch (SQLException e) {
            return "MySQL container (image " + IMAGE + "; version unknown: " + e.getMessage() + ")";
        }
    }

    @Override
    boolean isMariaDb() {
        return false;
    }

    /** A recursive CTE in a derived table; the server allows the depth ({@code --cte-max-recursion-depth}). */
    @Override
    String sequence(int count) {
        return "(WITH RECURSIVE numbers (seq) AS (SELECT 1 UNION ALL SELECT seq + 1 FROM numbers WHERE seq < "
                + count + ") SELECT seq FROM numbers) AS seq_1_to_" + count;
    }

    /** As part of a condition on a table, a killed sleep fails its statement (1317), as MariaDB's does alone. */
    @Override
    String sleep(int seconds) {
        return "SELECT 1 FROM " + ONE_ROW + " WHERE SLEEP(" + seconds + ")";
    }

    @Override
    public void close() {
        container.stop();
    }
}
