package io.dora.core.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dora.core.error.InvalidInputException;
import io.dora.core.net.SshHop;
import io.dora.core.net.SshSettings;

/**
 * Checks a {@link ConnectionSpec} without touching the network, and names every problem found in words a
 * user understands. Driver-specific checks come on top (see {@code Driver#validate}).
 */
public final class ConnectionSpecValidator {

    private static final int MAX_PORT = 65_535;

    private ConnectionSpecValidator() {
    }

    /**
     * @param endpoint how the spec's driver reaches its database; {@code null} when no such driver is installed
     * @param installedDriverIds the ids of the installed drivers, to name them when the spec's is unknown
     * @return the problems, empty when the spec is fine
     */
    public static List<String> problems(ConnectionSpec spec, EndpointKind endpoint, List<String> installedDriverIds) {
        List<String> problems = new ArrayList<>();
        if (spec.id().isBlank()) {
            problems.add("The connection has no id");
        }
        if (spec.driverId().isBlank()) {
            problems.add("No driver is chosen");
        } else if (endpoint == null) {
            problems.add("Unknown driver '" + spec.driverId() + "': installed drivers are "
                    + (installedDriverIds.isEmpty() ? "none" : String.join(", ", installedDriverIds)));
        }
        if (endpoint == EndpointKind.SERVER) {
            if (spec.host().isBlank()) {
                problems.add("The host is empty");
            } else if (spec.host().chars().anyMatch(Character::isWhitespace)) {
                problems.add("The host '" + spec.host() + "' contains white space");
            }
            if (spec.port() < 0 || spec.port() > MAX_PORT) {
                problems.add("The port " + spec.port() + " is out of range: use 1 to 65535, or 0 for the default");
            }
        } else if (endpoint == EndpointKind.FILE) {
            if (spec.database().isBlank()) {
                problems.add("The database file is empty");
            }
            if (spec.ssh() != null) {
                problems.add("A file database cannot be reached through SSH");
            }
        }
        if (spec.ssh() != null) {
            sshProblems(spec.ssh(), problems);
        }
        poolProblems(spec.pool(), problems);
        for (Map.Entry<String, String> option : spec.options().entrySet()) {
            if (option.getKey().isBlank()) {
                problems.add("An option has an empty name");
            }
        }
        return problems;
    }

    /** @throws InvalidInputException listing every problem, when there is one */
    public static void requireValid(ConnectionSpec spec, EndpointKind endpoint, List<String> installedDriverIds) {
        List<String> problems = problems(spec, endpoint, installedDriverIds);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void sshProblems(SshSettings ssh, List<String> problems) {
        for (int i = 0; i < ssh.hops().size(); i++) {
            SshHop hop = ssh.hops().get(i);
            String which = "SSH hop " + (i + 1);
            if (hop.host().isBlank()) {
                problems.add(which + " has no host");
            } else if (hop.host().chars().anyMatch(Character::isWhitespace)) {
                problems.add(which + ": the host '" + hop.host() + "' contains white space");
            }
            if (hop.port() < 0 || hop.port() > MAX_PORT) {
                problems.add(which + ": the port " + hop.port() + " is out of range: use 1 to 65535, or 0 for the"
                        + " ssh config's (else 22)");
            }
        }
    }

    private static void poolProblems(PoolSettings pool, List<String> problems) {
        if (pool.maxSize() < 1) {
            problems.add("The pool needs room for at least one connection (max size " + pool.maxSize() + ")");
        }
        if (pool.minIdle() < 0 || pool.minIdle() > pool.maxSize()) {
            problems.add("The pool's minimum idle count " + pool.minIdle() + " must be between 0 and its max size");
        }
        if (pool.connectionTimeout().toMillis() < 250) {
            problems.add("The connection timeout must be at least 250 ms");
        }
        if (pool.validationTimeout().toMillis() < 250) {
            problems.add("The validation timeout must be at least 250 ms");
        }
        if (pool.idleTimeout().isNegative() || pool.maxLifetime().isNegative()) {
            problems.add("Pool idle timeout and max lifetime cannot be negative");
        }
        if (!pool.maxLifetime().isZero() && pool.maxLifetime().toSeconds() < 30) {
            problems.add("The pool's max lifetime must be 0 (unlimited) or at least 30 s");
        }
    }
}
