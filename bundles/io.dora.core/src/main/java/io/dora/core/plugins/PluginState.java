package io.dora.core.plugins;

/** The OSGi life-cycle states, named for people. */
public enum PluginState {
    INSTALLED("Installed"),
    RESOLVED("Resolved"),
    STARTING("Starting"),
    STOPPING("Stopping"),
    ACTIVE("Active"),
    UNINSTALLED("Uninstalled");

    private final String label;

    PluginState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the plugin's code can run: active, or waiting for its first class load (lazy activation). */
    public boolean isUsable() {
        return this == ACTIVE || this == STARTING;
    }
}
