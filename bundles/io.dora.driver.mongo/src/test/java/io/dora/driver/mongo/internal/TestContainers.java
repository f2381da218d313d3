package io.dora.driver.mongo.internal;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * The switch to real servers in Docker containers (Testcontainers): {@code -Ddora.test.containers=true}, passed to
 * the tests by Surefire. Off by default, so a build never needs Docker or downloads an image.
 */
final class TestContainers {

    static final String PROPERTY = "dora.test.containers";

    private TestContainers() {
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Fails under {@code CI=true}, and skips otherwise, when no Docker engine answers. */
    static void requireDocker(String server) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw unavailable("-D" + PROPERTY + "=true asks for a " + server
                    + " container, but no Docker engine answers (DOCKER_HOST, /var/run/docker.sock)", null);
        }
    }

    /** Fails the suite under {@code CI=true}, skips it with the reason otherwise. */
    static RuntimeException unavailable(String reason, Exception cause) {
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(reason, cause);
        }
        Assumptions.abort(reason);
        return new IllegalStateException(reason);
    }
}
