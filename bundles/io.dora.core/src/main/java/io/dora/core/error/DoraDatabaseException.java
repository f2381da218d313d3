package io.dora.core.error;

/**
 * An error reported by the database server (or its client library), with the server's own words and codes.
 *
 * @see #serverMessage()
 */
public class DoraDatabaseException extends DoraException {

    private static final long serialVersionUID = 1L;

    private final String serverMessage;
    private final String sqlState;
    private final int vendorCode;

    /**
     * @param serverMessage the server's message as it sent it; may be multi-line
     * @param sqlState      the five-character SQLSTATE; {@code null} when the server gave none
     * @param vendorCode    the server's own error number; 0 when it gave none
     */
    public DoraDatabaseException(ErrorKind kind, String serverMessage, String sqlState, int vendorCode, Throwable cause) {
        super(kind, summary(serverMessage, sqlState), cause);
        this.serverMessage = serverMessage == null ? "" : serverMessage;
        this.sqlState = sqlState;
        this.vendorCode = vendorCode;
    }

    public String serverMessage() {
        return serverMessage;
    }

    /** The SQLSTATE, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }

    public int vendorCode() {
        return vendorCode;
    }

    private static String summary(String serverMessage, String sqlState) {
        String firstLine = serverMessage == null || serverMessage.isBlank() ? "The server reported an error"
                : serverMessage.strip().lines().findFirst().orElse("");
        return sqlState == null ? firstLine : firstLine + " [SQLSTATE " + sqlState + "]";
    }
}
