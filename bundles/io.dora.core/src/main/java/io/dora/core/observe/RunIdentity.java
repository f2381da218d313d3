package io.dora.core.observe;

import java.nio.file.Path;

/**
 * Who is talking to the databases: this run of Dora in its workspace. Carried into logs (MDC), into the
 * servers' session views ({@code application_name}, connection attributes) and into query comments, so a
 * DBA can tie what a server saw to Dora's own log lines. A DS service.
 */
public interface RunIdentity {

    /** The workspace folder (the OSGi instance location). */
    Path workspace();

    /** A short random id of this run of Dora, fixed from start to exit. */
    String sessionId();

    /** The workspace folder's name, as shown in logs and to servers. */
    default String workspaceName() {
        Path name = workspace().getFileName();
        return name == null ? workspace().toString() : name.toString();
    }
}
