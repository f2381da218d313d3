package io.dora.driver.mongo.internal;

import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The switch to real servers in Docker containers (Testcontainers): {@code -Ddora.test.containers=true}, passed to
 * the tests by Surefire. Off by default, so a build never needs Docker or downloads an image.
 */
final class TestContainers {

    static final String PROPERTY = "dora.test.containers";

    private static final Logger LOG = LoggerFactory.getLogger(TestContainers.class);

    private TestContainers() {
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Why the container cannot run here (no Docker engine answers); empty when it can. */
    static Optional<String> dockerMissing(String image) {
        return DockerClientFactory.instance().isDockerAvailable() ? Optional.empty()
                : Optional.of("-D" + PROPERTY + "=true asks for a " + image
                        + " container, but no Docker engine answers (DOCKER_HOST, /var/run/docker.sock)");
    }

    /** Fails under {@code CI=true}; otherwise logs the reason the tests are skipped with. */
    static void failUnderCi(String reason, Exception cause) {
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(reason, cause);
        }
        LOG.warn("Skipped: {}", reason);
    }

    /** Fails the suite under {@code CI=true}, skips it with the reason otherwise. */
    static RuntimeException unavailable(String reason, Exception cause) {
        failUnderCi(reason, cause);
        Assumptions.abort(reason);
        return new IllegalStateException(reason);
    }
}
