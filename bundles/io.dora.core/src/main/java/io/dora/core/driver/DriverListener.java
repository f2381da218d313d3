package io.dora.core.driver;

/** Hears about drivers added to or removed from the {@link DriverRegistry}. */
public interface DriverListener {

    void driverAdded(DriverInfo driver);

    void driverRemoved(DriverInfo driver);
}
