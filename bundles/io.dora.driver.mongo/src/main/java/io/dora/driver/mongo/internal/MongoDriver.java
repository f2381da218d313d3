package io.dora.driver.mongo.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.EndpointKind;
import io.dora.core.driver.CancelSupport;
import io.dora.core.driver.Capability;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Driver;
import io.dora.core.driver.DriverCapabilities;
import io.dora.core.driver.DriverInfo;
import io.dora.core.error.InvalidInputException;
import io.dora.core.net.TlsMode;

/**
 * MongoDB through the Java sync driver. Statements are command documents or shell forms
 * ({@code db.c.find(...)}); results are documents with a flattened tabular view.
 */
@Component(service = Driver.class, property = Driver.ID_PROPERTY + "=mongo")
public final class MongoDriver implements Driver {

    static final DriverInfo INFO = new DriverInfo("mongo", "MongoDB", EndpointKind.SERVER, MongoEndpoint.DEFAULT_PORT,
            "mongo");
    /** On a real mongod/mongos; a server without $currentOp gets less, see {@link MongoDatabaseConnection#capabilities()}. */
    static final DriverCapabilities CAPABILITIES = DriverCapabilities.of(CancelSupport.SERVER, Capability.MUTATIONS,
            Capability.STREAMING, Capability.TLS, Capability.CATALOGS, Capability.QUERY_TIMEOUT);

    @Override
    public DriverInfo info() {
        return INFO;
    }

    @Override
    public DriverCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<String> validate(ConnectionSpec spec) {
        List<String> problems = new ArrayList<>();
        TlsMode tls = spec.tls().mode();
        if (tls == TlsMode.ALLOW || tls == TlsMode.PREFER) {
            problems.add("MongoDB cannot fall back between TLS and plain connections: choose TLS mode DISABLE,"
                    + " REQUIRE, VERIFY_CA or VERIFY_FULL instead of " + tls);
        }
        try {
            MongoSettings.checkOptions(spec);
        } catch (IllegalArgumentException e) {
            problems.add("The MongoDB options are not valid: " + e.getMessage());
        }
        return problems;
    }

    @Override
    public DatabaseConnection connect(ConnectionSpec spec) {
        if (spec.ssh() != null) {
            // fail closed: a spec that asks for a tunnel must never silently connect directly
            throw new InvalidInputException(List.of("An SSH route must be opened through the ConnectionService"));
        }
        return MongoDatabaseConnection.open(spec, MongoEndpoint.direct(spec), INFO);
    }

    @Override
    public DatabaseConnection connectThroughTunnel(ConnectionSpec spec, String localHost, int localPort) {
        return MongoDatabaseConnection.open(spec.toBuilder().ssh(null).build(),
                MongoEndpoint.tunnelled(spec, localHost, localPort), INFO);
    }
}
