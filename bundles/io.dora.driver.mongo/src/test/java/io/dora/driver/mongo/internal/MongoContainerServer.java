package io.dora.driver.mongo.internal;

import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real {@code mongod} (standalone, no auth, server-side JavaScript on) in a Docker container (Testcontainers),
 * for {@code -Ddora.test.containers=true}: it has {@code $currentOp}, {@code killOp} and {@code maxTimeMS}, which
 * mongo-java-server lacks.
 */
final class MongoContainerServer implements AutoCloseable {

    static final String IMAGE = "mongo:7.0";

    private final MongoDBContainer container;

    private MongoContainerServer(MongoDBContainer container) {
        this.container = container;
    }

    /** Starts the container; where no Docker engine answers, see {@link TestContainers#dockerMissing}. */
    static MongoContainerServer start() {
        MongoDBContainer container = new MongoDBContainer(DockerImageName.parse(IMAGE));
        try {
            container.start();
            return new MongoContainerServer(container);
        } catch (RuntimeException e) {
            container.stop();
            throw TestContainers.unavailable("The " + IMAGE + " container could not start: " + e.getMessage(), e);
        }
    }

    /** {@code mongodb://host:port}, without credentials. */
    String uri() {
        return container.getConnectionString();
    }

    String description() {
        return "MongoDB container (Testcontainers, image " + IMAGE + ")";
    }

    @Override
    public void close() {
        container.stop();
    }
}
