package io.dora.net.ssh.internal;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.net.HostKeyConfirmation;

/** The headless default: nobody can be asked, so an unknown host key is refused. */
@Component(service = HostKeyConfirmation.class, property = "service.ranking:Integer=-1000")
public final class RefusingHostKeyConfirmation implements HostKeyConfirmation {

    private static final Logger LOG = LoggerFactory.getLogger(RefusingHostKeyConfirmation.class);

    @Override
    public boolean confirmUnknownHostKey(String host, String keyType, String fingerprint) {
        LOG.warn("Refused unknown {} host key {} of {}: no one to ask (headless)", keyType, fingerprint, host);
        return false;
    }
}
