package io.dora.ui.sql.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.ListDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.DriverRegistry;
import io.dora.core.schema.TableInfo;
import io.dora.ui.sql.internal.editor.SqlEditor;
import io.dora.ui.sql.internal.editor.SqlEditorInput;
import io.dora.ui.sql.internal.editor.TableDataQuery;
import io.dora.ui.sql.internal.session.ConnectionResolver;

/**
 * Opens a SQL editor on the connection selected in the Connections view ({@code open}), or on a table with its
 * data already queried ({@code tableData}). Without a selected connection it asks which one.
 */
public final class OpenEditorHandler extends AbstractHandler implements IExecutableExtension {

    private boolean tableData;

    @Override
    public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
        tableData = "tableData".equals(data);
    }

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        Object selected = first(HandlerUtil.getCurrentSelection(event));
        ConnectionSpec spec = Adapters.adapt(selected, ConnectionSpec.class);
        TableInfo table = Adapters.adapt(selected, TableInfo.class);
        if (spec == null) {
            spec = choose(window);
            if (spec == null) {
                return null;
            }
        }
        SqlEditorInput input = tableData && table != null
                ? new SqlEditorInput(spec, TableDataQuery.selectAll(table.ref(), dialectOf(spec)) + ";\n", true)
                : new SqlEditorInput(spec, "", false);
        try {
            window.getActivePage().openEditor(input, SqlEditor.ID);
        } catch (PartInitException e) {
            throw new ExecutionException("Cannot open the SQL editor: " + e.getMessage(), e);
        }
        return null;
    }

    private static Object first(ISelection selection) {
        return selection instanceof IStructuredSelection structured ? structured.getFirstElement() : null;
    }

    private static String dialectOf(ConnectionSpec spec) {
        BundleContext context = FrameworkUtil.getBundle(OpenEditorHandler.class).getBundleContext();
        ServiceReference<DriverRegistry> reference = context.getServiceReference(DriverRegistry.class);
        DriverRegistry registry = reference == null ? null : context.getService(reference);
        if (registry == null) {
            return spec.driverId();
        }
        try {
            return registry.driver(spec.driverId()).map(driver -> driver.info().dialect()).orElse(spec.driverId());
        } finally {
            context.ungetService(reference);
        }
    }

    /** Asks for one of the known connections; null when the user cancels or there is none. */
    static ConnectionSpec choose(IWorkbenchWindow window) {
        List<ConnectionSpec> specs;
        try (ConnectionResolver connections = new ConnectionResolver()) {
            specs = connections.known();
        }
        ListDialog dialog = new ListDialog(window.getShell());
        dialog.setTitle("Open SQL Editor");
        dialog.setMessage(specs.isEmpty() ? "No connection is defined yet." : "Connection:");
        dialog.setContentProvider(ArrayContentProvider.getInstance());
        dialog.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                ConnectionSpec spec = (ConnectionSpec) element;
                return spec.name() + "  (" + spec.driverId() + ", " + spec.environment() + ")";
            }
        });
        dialog.setInput(specs);
        if (!specs.isEmpty()) {
            dialog.setInitialSelections(specs.get(0));
        }
        if (dialog.open() != Window.OK || dialog.getResult() == null || dialog.getResult().length == 0) {
            return null;
        }
        return (ConnectionSpec) dialog.getResult()[0];
    }
}
