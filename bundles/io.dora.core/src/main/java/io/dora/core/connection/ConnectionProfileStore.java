package io.dora.core.connection;

/**
 * The writable catalog: the connection dialogs and {@code dora cli connections} save and delete profiles
 * through it. The vault bundle registers its catalog under both interfaces.
 */
public interface ConnectionProfileStore extends ConnectionCatalog {

    /**
     * Validates the profile strictly and stores it, replacing the profile with the same id.
     *
     * @throws io.dora.core.error.InvalidInputException naming every problem, before anything is written
     */
    void save(ConnectionProfile profile);

    /** Removes the profile; {@code false} when there was none. */
    boolean remove(String connectionId);
}
