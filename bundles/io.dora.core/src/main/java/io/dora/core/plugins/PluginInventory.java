package io.dora.core.plugins;

import java.util.List;

/**
 * The plugins installed in this Dora instance. Shared by the workbench's "Installed plugins" view and
 * {@code dora cli plugins}, so both always tell the same story.
 */
public interface PluginInventory {

    /** A snapshot of every installed plugin, ordered by symbolic name. */
    List<PluginInfo> plugins();

    /**
     * Registers a listener told whenever a plugin is installed, started, stopped, updated or uninstalled.
     * The listener runs on the thread that changed the plugin: hand UI work to the UI thread.
     *
     * @return a handle that unregisters the listener when closed
     */
    AutoCloseable onChange(Runnable listener);
}
