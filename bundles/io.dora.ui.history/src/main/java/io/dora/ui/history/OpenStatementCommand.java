package io.dora.ui.history;

/**
 * The command that opens a statement in a SQL editor bound to a connection. The query history invokes it;
 * the SQL editor's bundle contributes its handler (without one, the command is simply not handled).
 */
public final class OpenStatementCommand {

    public static final String ID = "io.dora.ui.openStatementInEditor";
    /** The statement text to put into the editor. */
    public static final String STATEMENT = "io.dora.ui.statement";
    /** The id of the connection the editor is bound to; absent for none. */
    public static final String CONNECTION_ID = "io.dora.ui.connectionId";

    private OpenStatementCommand() {
    }
}
