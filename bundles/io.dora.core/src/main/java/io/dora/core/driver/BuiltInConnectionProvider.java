package io.dora.core.driver;

import java.util.List;

import io.dora.core.connection.ConnectionSpec;

/**
 * Connections that come with an installed bundle and need no setup, such as the SQLite sample database a
 * new user can open at first start. Registered as a DS service; the workspace lists them read-only.
 */
public interface BuiltInConnectionProvider {

    List<ConnectionSpec> builtInConnections();
}
