package io.dora.core.connection;

import java.util.Objects;

/**
 * A saved connection as the catalog holds it: the spec to open plus where the user filed it. The catalog
 * (the vault) is the source of truth for everything in it, {@code environment} and {@code readOnly}
 * included; see {@link ConnectionCatalog}.
 *
 * @param folder the folder path in the connection tree ({@code "Team/Billing"}); empty for the top level
 * @param spec   the connection itself; its id is the profile's id
 */
public record ConnectionProfile(String folder, ConnectionSpec spec) {

    public ConnectionProfile {
        folder = Objects.requireNonNullElse(folder, "");
        Objects.requireNonNull(spec, "spec");
    }

    public String id() {
        return spec.id();
    }
}
