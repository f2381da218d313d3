package io.dora.ui.connections.internal.pages;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;

import io.dora.core.driver.DriverInfo;
import io.dora.ui.connections.ConnectionForm;
import io.dora.ui.connections.ConnectionPage;
import io.dora.ui.connections.internal.Fields;

/** The page of every server driver without its own: host, port, database, user and password. */
public final class GenericConnectionPage implements ConnectionPage {

    private Text host;
    private Text port;
    private Text database;
    private Text user;
    private Text password;

    @Override
    public Control createControl(Composite parent, DriverInfo driver, Runnable changed) {
        Fields fields = new Fields(parent, changed);
        host = fields.text("Ho&st:");
        port = fields.text("&Port:");
        port.setMessage(driver.defaultPort() > 0 ? "default " + driver.defaultPort() : "default");
        database = fields.text("&Database:");
        user = fields.text("&User:");
        password = fields.password("Pass&word:");
        password.setMessage("kept as a secret in the vault");
        return fields.control();
    }

    @Override
    public void load(ConnectionForm form) {
        host.setText(form.host);
        port.setText(form.port);
        database.setText(form.database);
        user.setText(form.user);
        password.setTextChars(form.password);
    }

    @Override
    public void store(ConnectionForm form) {
        form.host = host.getText();
        form.port = port.getText();
        form.database = database.getText();
        form.user = user.getText();
        form.password = Fields.chars(password);
    }
}
