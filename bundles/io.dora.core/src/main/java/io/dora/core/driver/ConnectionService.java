package io.dora.core.driver;

import java.util.List;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.error.DoraException;
import io.dora.core.error.InvalidInputException;

/** Opens connections through the installed drivers and keeps track of them. */
public interface ConnectionService {

    /**
     * Validates the spec (generic and driver-specific checks, no network) and opens it.
     *
     * @throws InvalidInputException naming every problem, before any network call
     * @throws DoraException         when the connection fails
     */
    DatabaseConnection connect(ConnectionSpec spec);

    /** The problems of a spec against the drivers installed now; empty when it may be opened. */
    List<String> validate(ConnectionSpec spec);

    /** The connections opened through this service and not closed yet. */
    List<DatabaseConnection> openConnections();
}
