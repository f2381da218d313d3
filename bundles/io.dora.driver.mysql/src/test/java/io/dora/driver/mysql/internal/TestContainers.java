package io.dora.driver.mysql.internal;

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
    static void requireDocker(String image) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw MySqlTestServer.unavailable("-D" + PROPERTY + "=true asks for a " + image
                    + " container, but no Docker engine answers (DOCKER_HOST, /var/run/docker.sock)", null);
        }
    }
}
