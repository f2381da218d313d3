package io.dora.core.observe;

import java.util.HashMap;
import java.util.Map;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.query.QueryId;

/**
 * The correlation data a connection carries to its server, kept in the spec's options under {@code dora.}
 * keys (which drivers never pass on to their client library). The connection service adds the run's identity;
 * the user may switch on the query-id comment per connection.
 */
public final class Correlation {

    /** Options with this prefix are Dora's own, never passed to a client library. */
    public static final String OPTION_PREFIX = "dora.";
    public static final String WORKSPACE_OPTION = "dora.correlation.workspace";
    public static final String SESSION_OPTION = "dora.correlation.session";
    /** {@code true}: every statement starts with {@code /* dora:query_id=... *}{@code /}. */
    public static final String QUERY_ID_COMMENT_OPTION = "dora.query_id_comment";

    /** The product name servers see. */
    public static final String APPLICATION = "Dora";

    /** PostgreSQL keeps the first 63 bytes of application_name. */
    private static final int APPLICATION_NAME_LIMIT = 63;

    private Correlation() {
    }

    public static boolean isDoraOption(String key) {
        return key.startsWith(OPTION_PREFIX);
    }

    /** The spec with the run's identity in its options (options the user set win). */
    public static ConnectionSpec withIdentity(ConnectionSpec spec, RunIdentity identity) {
        Map<String, String> options = new HashMap<>(spec.options());
        options.putIfAbsent(WORKSPACE_OPTION, identity.workspaceName());
        options.putIfAbsent(SESSION_OPTION, identity.sessionId());
        return spec.toBuilder().options(options).build();
    }

    /** {@code Dora ws=<workspace> s=<session>}, at most 63 characters; {@code Dora} without an identity. */
    public static String applicationName(ConnectionSpec spec) {
        String session = spec.options().get(SESSION_OPTION);
        if (session == null) {
            return APPLICATION;
        }
        String suffix = " s=" + session;
        String workspace = spec.options().getOrDefault(WORKSPACE_OPTION, "");
        int room = APPLICATION_NAME_LIMIT - APPLICATION.length() - suffix.length() - " ws=".length();
        String shortened = workspace.length() > room ? workspace.substring(0, Math.max(0, room)) : workspace;
        return safe(APPLICATION + " ws=" + shortened + suffix);
    }

    /**
     * MySQL's {@code connectionAttributes}: {@code program_name:Dora,dora_workspace:..,dora_session:..}
     * (the format has no escaping, so ',' and ':' are replaced).
     */
    public static String mysqlConnectionAttributes(ConnectionSpec spec) {
        StringBuilder attributes = new StringBuilder("program_name:" + APPLICATION);
        String workspace = spec.options().get(WORKSPACE_OPTION);
        String session = spec.options().get(SESSION_OPTION);
        if (workspace != null) {
            attributes.append(",dora_workspace:").append(attributeValue(workspace));
        }
        if (session != null) {
            attributes.append(",dora_session:").append(attributeValue(session));
        }
        return attributes.toString();
    }

    public static boolean queryIdComment(ConnectionSpec spec) {
        return Boolean.parseBoolean(spec.options().get(QUERY_ID_COMMENT_OPTION));
    }

    /** The statement as sent with the query-id comment in front, when the spec asks for it. */
    public static String commented(ConnectionSpec spec, QueryId id, String statement) {
        if (!queryIdComment(spec)) {
            return statement;
        }
        String session = spec.options().get(SESSION_OPTION);
        return "/* dora:" + LogKeys.QUERY_ID + "=" + id + (session == null ? "" : " " + LogKeys.SESSION_ID + "=" + safe(session))
                + " */ " + statement;
    }

    /** Letters, digits and {@code -_.=/ } only: nothing that could end a comment or confuse a server. */
    private static String safe(String text) {
        return text.replaceAll("[^\\p{Alnum}\\-_.= /]", "_");
    }

    private static String attributeValue(String text) {
        return text.replaceAll("[,:]", "_");
    }
}
