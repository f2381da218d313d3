package io.dora.ui.connections.internal.pages;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;

import io.dora.core.driver.DriverInfo;
import io.dora.ui.connections.ConnectionForm;
import io.dora.ui.connections.ConnectionPage;
import io.dora.ui.connections.internal.Fields;

/** SQLite: the database is a file (created on first connect when it does not exist); no host, user or password. */
public final class SqliteConnectionPage implements ConnectionPage {

    private Text file;

    @Override
    public Control createControl(Composite parent, DriverInfo driver, Runnable changed) {
        Fields fields = new Fields(parent, changed);
        file = fields.file("Database &file:", true);
        file.setMessage("path of the .db file");
        return fields.control();
    }

    @Override
    public void load(ConnectionForm form) {
        file.setText(form.database);
    }

    @Override
    public void store(ConnectionForm form) {
        form.host = "";
        form.port = "";
        form.user = "";
        form.database = file.getText();
    }
}
