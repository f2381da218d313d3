package io.dora.vault;

/**
 * The vault file is damaged or was tampered with: its header is malformed or its authentication tag does
 * not verify under the right key. The file is left exactly as it is; no write proceeds over it.
 */
public class VaultCorruptedException extends VaultException {

    private static final long serialVersionUID = 1L;

    public VaultCorruptedException(String message) {
        super(message);
    }
}
