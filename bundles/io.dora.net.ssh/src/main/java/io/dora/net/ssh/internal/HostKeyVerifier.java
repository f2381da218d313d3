package io.dora.net.ssh.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

import io.dora.core.net.HostKeyConfirmation;
import io.dora.core.net.HostKeyPolicy;
import io.dora.core.net.SshTunnelException;
import io.dora.core.net.SshTunnelException.Failure;

/**
 * Checks one hop's host key against known_hosts (JSch's reader: hashed entries and {@code [host]:port} forms)
 * and applies the policy to keys it does not have. A changed key is always refused, with both SHA256
 * fingerprints. Accepted keys are appended to the known_hosts file. The reason of a refusal is kept for the
 * caller, since JSch itself only says "reject".
 */
final class HostKeyVerifier implements HostKeyRepository {

    private static final Logger LOG = LoggerFactory.getLogger(HostKeyVerifier.class);

    private final HostKeyRepository knownHosts;
    private final Path knownHostsFile;
    private final HostKeyPolicy policy;
    private final HostKeyConfirmation confirmation;
    private final ResolvedHop hop;
    private volatile SshTunnelException rejection;

    HostKeyVerifier(HostKeyRepository knownHosts, Path knownHostsFile, HostKeyPolicy policy,
            HostKeyConfirmation confirmation, ResolvedHop hop) {
        this.knownHosts = knownHosts;
        this.knownHostsFile = knownHostsFile;
        this.policy = policy;
        this.confirmation = confirmation;
        this.hop = hop;
    }

    /** Why the last check refused the key; {@code null} when it did not. */
    SshTunnelException rejection() {
        return rejection;
    }

    @Override
    public int check(String host, byte[] key) {
        int known = knownHosts.check(host, key);
        if (known == OK) {
            return OK;
        }
        String type;
        try {
            type = new HostKey(host, key).getType();
        } catch (JSchException e) {
            type = "unknown";
        }
        String fingerprint = fingerprint(key);
        if (known == CHANGED) {
            String previous = Arrays.stream(knownHosts.getHostKey(host, type))
                    .map(entry -> fingerprint(Base64.getDecoder().decode(entry.getKey())))
                    .collect(Collectors.joining(", "));
            rejection = new SshTunnelException(Failure.HOST_KEY_CHANGED, hop.position(), "The host key of "
                    + hop.label() + " has CHANGED: " + knownHostsFile + " has " + type + " " + previous
                    + " for " + host + ", the server now presents " + fingerprint + ". This may be a man-in-the-middle"
                    + " attack; if the server was re-keyed, remove the old entry (ssh-keygen -R '" + host + "' -f "
                    + knownHostsFile + ") and connect again.");
            return CHANGED;
        }
        boolean accept = switch (policy) {
            case STRICT -> false;
            case ACCEPT_NEW -> true;
            case ASK -> confirmation.confirmUnknownHostKey(host, type, fingerprint);
        };
        if (!accept) {
            rejection = new SshTunnelException(Failure.HOST_KEY_UNKNOWN, hop.position(), "The host key of "
                    + hop.label() + " (" + type + " " + fingerprint + ") is not in " + knownHostsFile
                    + (policy == HostKeyPolicy.STRICT ? " and the host-key policy is strict: add it to known_hosts"
                            + " (after checking the fingerprint) or choose accept-new"
                            : " and it was not accepted"));
            return NOT_INCLUDED;
        }
        append(host, type, key);
        LOG.info("Accepted the new {} host key {} of {} into {}", type, fingerprint, host, knownHostsFile);
        return OK;
    }

    /** OpenSSH's form: {@code SHA256:} and the unpadded Base64 of the key blob's SHA-256. */
    static String fingerprint(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private void append(String host, String type, byte[] key) {
        String line = host + " " + type + " " + Base64.getEncoder().encodeToString(key) + "\n";
        try {
            Path parent = knownHostsFile.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(knownHostsFile)) {
                Files.createFile(knownHostsFile, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(knownHostsFile, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException | UnsupportedOperationException e) {
            // the key is trusted for this connection; the next one will ask (or refuse) again
            LOG.warn("Could not add the host key of {} to {}: {}", host, knownHostsFile, e.toString());
        }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // keys are added by check() only, after the policy said so
    }

    @Override
    public void remove(String host, String type) {
        // known_hosts is never pruned by Dora
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // known_hosts is never pruned by Dora
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHostsFile.toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return knownHosts.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return knownHosts.getHostKey(host, type);
    }
}
