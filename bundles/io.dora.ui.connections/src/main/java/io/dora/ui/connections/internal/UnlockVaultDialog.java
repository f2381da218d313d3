package io.dora.ui.connections.internal;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.secret.SecretString;
import io.dora.vault.Vault;
import io.dora.vault.VaultException;
import io.dora.vault.WrongMasterPasswordException;

/**
 * Asks for the master password and unlocks the vault; when there is no vault file yet, creates it (the
 * password typed twice, with the warning that it cannot be recovered). A wrong password keeps the dialog open
 * with the reason; nothing in the vault changes.
 */
final class UnlockVaultDialog extends TitleAreaDialog {

    private static final Logger LOG = LoggerFactory.getLogger(UnlockVaultDialog.class);

    private final Vault vault;
    private final boolean creating;
    private Text password;
    private Text repeat;

    UnlockVaultDialog(Shell parent, Vault vault) {
        super(parent);
        this.vault = vault;
        this.creating = !vault.exists();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(creating ? "Create Vault" : "Unlock Vault");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        if (creating) {
            setTitle("Create the vault");
            setMessage("There is no vault yet at " + vault.file() + ". Choose a master password: it encrypts your"
                    + " saved connections and cannot be recovered if forgotten.");
        } else {
            setTitle("Unlock the vault");
            setMessage("The master password of " + vault.file());
        }
        Fields fields = new Fields(area, this::changed);
        fields.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        password = fields.password("&Master password:");
        if (creating) {
            repeat = fields.password("&Repeat:");
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, creating ? "Create" : "Unlock", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        changed();
    }

    private void changed() {
        if (getButton(IDialogConstants.OK_ID) == null) {
            return;
        }
        String problem = null;
        if (password.getCharCount() == 0) {
            problem = "";
        } else if (creating && !password.getText().equals(repeat.getText())) {
            problem = "The two passwords differ";
        }
        setErrorMessage(problem == null || problem.isEmpty() ? null : problem);
        getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
    }

    @Override
    protected void okPressed() {
        String[] failure = new String[1];
        try (SecretString master = SecretString.of(password.getTextChars())) {
            BusyIndicator.showWhile(getShell().getDisplay(), () -> {
                try {
                    if (creating) {
                        vault.create(master);
                    } else {
                        vault.unlock(master);
                    }
                } catch (WrongMasterPasswordException e) {
                    failure[0] = "Wrong master password: the vault stays locked. Try again.";
                } catch (VaultException e) {
                    failure[0] = e.getMessage();
                }
            });
        }
        if (failure[0] != null) {
            setErrorMessage(failure[0]);
            password.selectAll();
            password.setFocus();
            return;
        }
        LOG.info("{} the vault {}", creating ? "Created and unlocked" : "Unlocked", vault.file());
        super.okPressed();
    }
}
