package io.dora.logging.internal;

import java.nio.file.Path;

import io.dora.core.observe.RunIdentity;

record TestIdentity(Path workspace, String sessionId) implements RunIdentity {
}
