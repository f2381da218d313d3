package io.dora.ui.connections;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import io.dora.core.driver.DriverInfo;

/**
 * The driver-specific "Main" tab of the connection dialog, contributed through the extension point
 * {@code io.dora.ui.connections.connectionPages}. The dialog creates one page per opening; the page shows the
 * fields of a {@link ConnectionForm} that its driver needs and writes them back.
 */
public interface ConnectionPage {

    /**
     * Creates the page's controls.
     *
     * @param driver   the driver the page is shown for (its default port, its endpoint kind)
     * @param changed  to run whenever the user edits a field, so the dialog validates again
     */
    Control createControl(Composite parent, DriverInfo driver, Runnable changed);

    /** Shows the form's values. */
    void load(ConnectionForm form);

    /** Writes the shown values into the form. */
    void store(ConnectionForm form);
}
