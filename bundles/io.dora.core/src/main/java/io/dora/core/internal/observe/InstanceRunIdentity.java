package io.dora.core.internal.observe;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.osgi.service.datalocation.Location;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.dora.core.observe.RunIdentity;

/** The run's identity from the OSGi instance location ({@code -data}), with a new session id per start. */
@Component(service = RunIdentity.class)
public final class InstanceRunIdentity implements RunIdentity {

    private final Path workspace;
    private final String sessionId;

    @Activate
    public InstanceRunIdentity(@Reference(target = "(type=osgi.instance.area)") Location instance) {
        this(workspaceOf(instance), newSessionId());
    }

    public InstanceRunIdentity(Path workspace, String sessionId) {
        this.workspace = workspace;
        this.sessionId = sessionId;
    }

    @Override
    public Path workspace() {
        return workspace;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    /** Eight hex digits: short enough for application_name, unique enough to find one run in the logs. A label,
     *  not a secret: no SecureRandom, whose first use at start costs about 10 ms of the framework's start. */
    public static String newSessionId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private static Path workspaceOf(Location instance) {
        try {
            if (instance.getURL() != null) {
                return Path.of(instance.getURL().toURI()).toAbsolutePath();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // an instance area that is not a plain folder: fall back like the CLI does
        }
        return Path.of(System.getProperty("user.home"), "dora-workspace");
    }
}
