package io.dora.core.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import io.dora.core.plugins.PluginState;

class BundlePluginInventoryTest {

    @Test
    void mapsEveryOsgiStateToAPluginState() {
        assertEquals(PluginState.INSTALLED, BundlePluginInventory.state(Bundle.INSTALLED));
        assertEquals(PluginState.RESOLVED, BundlePluginInventory.state(Bundle.RESOLVED));
        assertEquals(PluginState.STARTING, BundlePluginInventory.state(Bundle.STARTING));
        assertEquals(PluginState.STOPPING, BundlePluginInventory.state(Bundle.STOPPING));
        assertEquals(PluginState.ACTIVE, BundlePluginInventory.state(Bundle.ACTIVE));
        assertEquals(PluginState.UNINSTALLED, BundlePluginInventory.state(Bundle.UNINSTALLED));
    }

    @Test
    void lazyBundlesWaitingForTheirFirstClassCountAsUsable() {
        assertTrue(PluginState.STARTING.isUsable());
        assertTrue(PluginState.ACTIVE.isUsable());
        assertFalse(PluginState.RESOLVED.isUsable());
        assertFalse(PluginState.INSTALLED.isUsable());
    }
}
