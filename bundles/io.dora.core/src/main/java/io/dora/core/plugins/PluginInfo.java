package io.dora.core.plugins;

import java.util.Objects;

/**
 * One installed plugin (OSGi bundle) as users see it: what it is, which version, and whether it runs.
 *
 * @param id       the bundle id, stable for the life of the installation
 * @param symbolicName the Bundle-SymbolicName
 * @param name     the human name, or the symbolic name when the bundle has none
 * @param vendor   the vendor, empty when unknown
 * @param version  the bundle version
 * @param state    the life-cycle state
 * @param fragment whether the bundle is a fragment (fragments never become active)
 */
public record PluginInfo(long id, String symbolicName, String name, String vendor, String version, PluginState state,
        boolean fragment) {

    public PluginInfo {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
    }
}
