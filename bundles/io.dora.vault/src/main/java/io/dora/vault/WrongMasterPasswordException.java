package io.dora.vault;

/**
 * The master password does not open the vault. Told apart from tampering by the key-check value in the
 * file's header (see docs/vault.md): the file itself is intact.
 */
public class WrongMasterPasswordException extends VaultException {

    private static final long serialVersionUID = 1L;

    public WrongMasterPasswordException(String message) {
        super(message);
    }
}
