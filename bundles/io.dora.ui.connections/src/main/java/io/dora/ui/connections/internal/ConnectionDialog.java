package io.dora.ui.connections.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionProfileStore;
import io.dora.core.connection.Environment;
import io.dora.core.driver.ConnectionService;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.DriverInfo;
import io.dora.core.driver.ServerInfo;
import io.dora.core.error.DoraException;
import io.dora.core.error.InvalidInputException;
import io.dora.ui.connections.ConnectionForm;
import io.dora.ui.connections.ConnectionPage;
import io.dora.vault.Vault;

/**
 * New / Edit Connection: the driver's page, options, SSH and TLS tabs, validated inline by the core validator
 * before anything is saved. Saving and "Test Connection" write the profile into the vault through the
 * {@link ConnectionProfileStore}; the test then opens it by id, as the navigator will (raw specs are refused
 * outside development). Cancel after a test restores what the vault held before.
 */
public final class ConnectionDialog extends TitleAreaDialog {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionDialog.class);
    private static final int TEST_ID = IDialogConstants.CLIENT_ID + 1;

    private final ConnectionForm form;
    private final ConnectionProfile original;
    private final List<DriverInfo> drivers;
    private final ConnectionProfileStore store;
    private final ConnectionService connections;
    private final String title;
    private final NetworkTabs network = new NetworkTabs();
    private final Vault vault;

    private boolean savedByTest;
    private ConnectionProfile saved;
    private Combo driver;
    private Text name;
    private Text folder;
    private Combo environment;
    private Label productionBanner;
    private Button readOnly;
    private Text options;
    private TabFolder tabs;
    private TabItem mainTab;
    private ConnectionPage page;
    private boolean loading;

    /**
     * @param original the saved profile being edited, or null for a new connection (also for a duplicate, whose
     *                 form is filled but whose id is empty)
     */
    public ConnectionDialog(Shell parent, String title, ConnectionForm form, ConnectionProfile original,
            List<DriverInfo> drivers, ConnectionProfileStore store, ConnectionService connections, Vault vault) {
        super(parent);
        this.vault = vault;
        this.title = title;
        this.form = form;
        this.original = original;
        this.drivers = drivers;
        this.store = store;
        this.connections = connections;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** The profile saved into the vault when the dialog closed with OK. */
    public ConnectionProfile saved() {
        return saved;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(title);
        Composite body = new Composite(area, SWT.NONE);
        body.setLayout(new GridLayout(1, false));
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        Fields top = new Fields(body, this::changed);
        top.control().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        driver = top.combo("D&river:", drivers.stream().map(DriverInfo::displayName).toArray(String[]::new));
        name = top.text("&Name:");
        folder = top.text("Fo&lder:");
        folder.setMessage("e.g. Team/Billing");
        environment = top.combo("&Environment:", Arrays.stream(Environment.values()).map(Environment::id)
                .toArray(String[]::new));
        readOnly = top.check("Read-onl&y (enforced at the server)");

        productionBanner = new Label(body, SWT.CENTER);
        productionBanner.setText("PRODUCTION \u2014 dangerous statements need confirmation");
        productionBanner.setBackground(body.getDisplay().getSystemColor(SWT.COLOR_RED));
        productionBanner.setForeground(body.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        productionBanner.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        tabs = new TabFolder(body, SWT.TOP);
        GridData tabData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tabData.widthHint = 560;
        tabData.heightHint = 260;
        tabs.setLayoutData(tabData);
        mainTab = new TabItem(tabs, SWT.NONE);
        TabItem optionsTab = new TabItem(tabs, SWT.NONE);
        optionsTab.setText("&Options");
        Fields optionFields = new Fields(tabs, this::changed);
        options = optionFields.multiLine("Driver options:", 8);
        options.setMessage("name=value, one a line");
        optionsTab.setControl(optionFields.control());
        TabItem sshTab = new TabItem(tabs, SWT.NONE);
        sshTab.setText("SS&H");
        sshTab.setControl(network.createSsh(tabs, this::changed));
        TabItem tlsTab = new TabItem(tabs, SWT.NONE);
        tlsTab.setText("&TLS");
        tlsTab.setControl(network.createTls(tabs, this::changed));

        loading = true;
        int driverIndex = driverIndex(form.driverId);
        driver.select(Math.max(0, driverIndex));
        if (driverIndex < 0 && !drivers.isEmpty()) {
            form.driverId = drivers.get(0).id();
        }
        name.setText(form.name);
        folder.setText(form.folder);
        environment.select(form.environment.ordinal());
        readOnly.setSelection(form.readOnly);
        options.setText(form.options);
        network.load(form);
        showPage();
        loading = false;
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, TEST_ID, "Test Conne&ction", false);
        createButton(parent, IDialogConstants.OK_ID, "Save", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        changed();
    }

    private int driverIndex(String driverId) {
        for (int i = 0; i < drivers.size(); i++) {
            if (drivers.get(i).id().equals(driverId)) {
                return i;
            }
        }
        return -1;
    }

    /** Creates the chosen driver's page in the first tab, carrying the values over from the previous one. */
    private void showPage() {
        if (drivers.isEmpty()) {
            return;
        }
        DriverInfo info = drivers.get(driver.getSelectionIndex());
        if (page != null) {
            page.store(form);
            mainTab.getControl().dispose();
        }
        ConnectionPageRegistry.Contribution contribution = ConnectionPageRegistry.pageFor(info.id());
        page = contribution.page();
        mainTab.setText(contribution.label());
        mainTab.setControl(page.createControl(tabs, info, this::changed));
        boolean wasLoading = loading;
        loading = true;
        page.load(form);
        loading = wasLoading;
        tabs.setSelection(0);
    }

    private void changed() {
        if (loading || getButton(IDialogConstants.OK_ID) == null) {
            return;
        }
        if (!drivers.isEmpty() && !drivers.get(driver.getSelectionIndex()).id().equals(form.driverId)) {
            form.driverId = drivers.get(driver.getSelectionIndex()).id();
            showPage();
        }
        List<String> problems = problems();
        boolean production = form.environment == Environment.PRODUCTION;
        productionBanner.setVisible(production);
        ((GridData) productionBanner.getLayoutData()).exclude = !production;
        productionBanner.getParent().layout();
        if (problems.isEmpty()) {
            setErrorMessage(null);
            setMessage(original == null ? "The connection is saved in the vault, its password as a secret."
                    : "Editing the saved connection '" + original.id() + "'.");
        } else {
            setErrorMessage(String.join("\n", problems));
        }
        getButton(IDialogConstants.OK_ID).setEnabled(problems.isEmpty());
        getButton(TEST_ID).setEnabled(problems.isEmpty());
    }

    /** Reads every field into the form and returns what the form and the core validator object to. */
    private List<String> problems() {
        form.name = name.getText();
        form.folder = folder.getText();
        form.environment = Environment.values()[Math.max(0, environment.getSelectionIndex())];
        form.readOnly = readOnly.getSelection();
        form.options = options.getText();
        network.store(form);
        if (page != null) {
            page.store(form);
        }
        List<String> problems = new ArrayList<>();
        if (drivers.isEmpty()) {
            problems.add("No database driver is installed");
            return problems;
        }
        if (form.name.isBlank()) {
            problems.add("The connection needs a name");
        }
        try {
            ConnectionProfile profile = profileWithId();
            problems.addAll(connections.validate(profile.spec()));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        return problems;
    }

    /** The form's profile; a new connection gets its id from its name, unique in the vault. */
    private ConnectionProfile profileWithId() {
        if (!form.id.isBlank()) {
            return form.toProfile();
        }
        form.id = ConnectionForm.newId(form.name, takenIds());
        try {
            return form.toProfile();
        } finally {
            form.id = ""; // taken for good only once saved (see save())
        }
    }

    private Set<String> takenIds() {
        try {
            return store.list().stream().map(ConnectionProfile::id).collect(Collectors.toSet());
        } catch (DoraException e) {
            return Set.of();
        }
    }

    /**
     * Saves into the vault; when the vault locked itself meanwhile, asks for the master password first. On
     * failure the message stays in the dialog and nothing typed is lost.
     */
    private ConnectionProfile save() {
        if (vault != null && vault.isLocked()
                && new UnlockVaultDialog(getShell(), vault).open() != Window.OK) {
            setErrorMessage("Not saved: the vault is locked");
            return null;
        }
        try {
            ConnectionProfile profile = profileWithId();
            store.save(profile);
            form.id = profile.id();
            LOG.info("Saved the connection '{}' ({}, driver {}, environment {}) to the vault", profile.id(),
                    profile.spec().name(), profile.spec().driverId(), profile.spec().environment().id());
            return profile;
        } catch (DoraException e) {
            setErrorMessage("Not saved: " + describe(e));
            return null;
        }
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == TEST_ID) {
            testConnection();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    @Override
    protected void okPressed() {
        if (!problems().isEmpty()) {
            return;
        }
        saved = save();
        if (saved != null) {
            super.okPressed();
        }
    }

    @Override
    protected void cancelPressed() {
        if (savedByTest) {
            try {
                if (original == null) {
                    store.remove(form.id);
                } else {
                    store.save(original);
                }
            } catch (DoraException e) {
                LOG.warn("The connection '{}' tested from the dialog could not be restored: {}", form.id, describe(e));
            }
        }
        super.cancelPressed();
    }

    private void testConnection() {
        if (!problems().isEmpty()) {
            return;
        }
        ConnectionProfile profile = save();
        if (profile == null) {
            return;
        }
        savedByTest = true;
        // keep the focus off Cancel while the test button is disabled: Return still means Save
        getButton(IDialogConstants.OK_ID).setFocus();
        getButton(TEST_ID).setEnabled(false);
        setMessage("Connecting to '" + profile.spec().name() + "'\u2026", IMessageProvider.INFORMATION);
        Job job = Job.create("Testing the connection " + profile.spec().name(), (IProgressMonitor monitor) -> {
            String result;
            boolean ok;
            try (DatabaseConnection connection = connections.connectById(profile.id())) {
                ServerInfo server = connection.serverInfo();
                result = "Connected: " + server.product() + " " + server.version();
                ok = true;
            } catch (DoraException e) {
                result = "Connection failed: " + describe(e);
                ok = false;
            }
            String message = result;
            boolean succeeded = ok;
            Shell shell = getShell();
            if (shell != null && !shell.isDisposed()) {
                shell.getDisplay().asyncExec(() -> showTestResult(message, succeeded));
            }
            return Status.OK_STATUS;
        });
        job.setUser(false);
        job.schedule();
    }

    private void showTestResult(String message, boolean succeeded) {
        if (getShell() == null || getShell().isDisposed()) {
            return;
        }
        getButton(TEST_ID).setEnabled(true);
        if (succeeded) {
            setErrorMessage(null);
            setMessage(message, IMessageProvider.INFORMATION);
        } else {
            setErrorMessage(message);
        }
    }

    static String describe(DoraException e) {
        return "[" + e.kind() + "] " + e.getMessage();
    }
}
