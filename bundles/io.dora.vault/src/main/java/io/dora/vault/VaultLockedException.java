package io.dora.vault;

/** The vault is locked: unlock it with the master password first. */
public class VaultLockedException extends VaultException {

    private static final long serialVersionUID = 1L;

    public VaultLockedException(String message) {
        super(message);
    }
}
