package io.dora.core.driver;

import java.util.List;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.error.DoraException;
import io.dora.core.error.InvalidInputException;

/** Opens connections through the installed drivers and keeps track of them. */
public interface ConnectionService {

    /** The system property that allows {@link #connect(ConnectionSpec)} with a raw spec: development only. */
    String RAW_CONNECT_PROPERTY = "dora.dev.rawConnect";

    /**
     * The normal way to connect: loads the saved profile from the connection catalogs (the vault, the built-in
     * connections) afresh, validates it (no network) and opens it. Environment and read-only flag are the
     * catalog's; nothing a caller sends can change them.
     *
     * @throws InvalidInputException naming every problem (an unknown id among them), before any network call
     * @throws DoraException         {@code CREDENTIALS_LOCKED} while the vault is locked; when the connection fails
     */
    DatabaseConnection connectById(String connectionId);

    /**
     * Opens a raw spec, trusting whatever environment and read-only flag it carries. Development only:
     * refused unless the system property {@value #RAW_CONNECT_PROPERTY} is {@code true}.
     *
     * @throws DoraException         {@code UNSUPPORTED} when raw connects are not enabled
     * @throws InvalidInputException naming every problem, before any network call
     * @throws DoraException         when the connection fails
     */
    DatabaseConnection connect(ConnectionSpec spec);

    /** The problems of a spec against the drivers installed now; empty when it may be opened. */
    List<String> validate(ConnectionSpec spec);

    /** The connections opened through this service and not closed yet. */
    List<DatabaseConnection> openConnections();
}
