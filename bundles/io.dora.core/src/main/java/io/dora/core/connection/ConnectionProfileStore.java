package io.dora.core.connection;

/**
 * The writable catalog: the connection dialogs and {@code dora cli connections} save and delete profiles
 * through it. The vault bundle registers its catalog under both interfaces.
 */
public interface ConnectionProfileStore extends ConnectionCatalog {

    /**
     * Stores the profile, replacing the profile with the same id. Only what the store needs is checked here
     * (an id, a driver); the full validation runs at every open, against the drivers installed then.
     *
     * @throws io.dora.core.error.InvalidInputException naming every problem, before anything is written
     */
    void save(ConnectionProfile profile);

    /** Removes the profile; {@code false} when there was none. */
    boolean remove(String connectionId);
}
