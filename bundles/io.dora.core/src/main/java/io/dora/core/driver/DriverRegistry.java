package io.dora.core.driver;

import java.util.List;
import java.util.Optional;

/** The drivers installed right now; the list changes when driver bundles come and go. */
public interface DriverRegistry {

    List<Driver> drivers();

    Optional<Driver> driver(String id);

    /** Listeners hear about drivers added and removed (removal after the driver's connections were closed). */
    void addListener(DriverListener listener);

    void removeListener(DriverListener listener);
}
