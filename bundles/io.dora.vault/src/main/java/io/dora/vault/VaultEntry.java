package io.dora.vault;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import io.dora.core.secret.SecretString;

/**
 * One record of the vault, identified by its kind (for example {@code connection}, {@code ssh-key},
 * {@code api-key}) and an id unique within the kind. It carries plain attributes (host, port,
 * environment...) and secrets (passwords, passphrases, API keys); both are stored encrypted.
 *
 * <p>An entry owns copies of its secrets: the maps given to the constructor may be wiped afterwards, and
 * {@link #destroySecrets()} wipes this entry's copies once the caller is done with them.
 * {@link #toString()} names the attribute and secret keys only, never a value.
 */
public final class VaultEntry {

    private final String kind;
    private final String id;
    private final Map<String, String> attributes;
    private final Map<String, SecretString> secrets;

    public VaultEntry(String kind, String id, Map<String, String> attributes, Map<String, SecretString> secrets) {
        this.kind = requireName(kind, "kind");
        this.id = requireName(id, "id");
        var attributeCopy = new TreeMap<String, String>();
        attributes.forEach((key, value) -> attributeCopy.put(requireName(key, "attribute name"),
                Objects.requireNonNull(value, () -> "attribute " + key + " of " + kind + "/" + id + " is null")));
        var secretCopy = new TreeMap<String, SecretString>();
        secrets.forEach((key, value) -> secretCopy.put(requireName(key, "secret name"), copyOf(
                Objects.requireNonNull(value, () -> "secret " + key + " of " + kind + "/" + id + " is null"))));
        this.attributes = Collections.unmodifiableMap(attributeCopy);
        this.secrets = Collections.unmodifiableMap(secretCopy);
    }

    public static Builder builder(String kind, String id) {
        return new Builder(kind, id);
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    /** The plain attributes, sorted by name. */
    public Map<String, String> attributes() {
        return attributes;
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** The secrets, sorted by name. */
    public Map<String, SecretString> secrets() {
        return secrets;
    }

    public Optional<SecretString> secret(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    /** A copy with secrets of its own, so destroying one copy's secrets leaves the other's intact. */
    public VaultEntry copy() {
        return new VaultEntry(kind, id, attributes, secrets);
    }

    /** Overwrites this entry's secrets; the entry is unusable for them afterwards. */
    public void destroySecrets() {
        secrets.values().forEach(SecretString::destroy);
    }

    @Override
    public String toString() {
        return "VaultEntry[" + kind + "/" + id + ", attributes=" + attributes.keySet() + ", secrets=" + secrets.keySet() + "]";
    }

    private static SecretString copyOf(SecretString secret) {
        char[] value = secret.reveal();
        try {
            return SecretString.of(value);
        } finally {
            Arrays.fill(value, '\0');
        }
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A vault entry's " + what + " must not be blank");
        }
        return name;
    }

    /** Collects attributes and secrets; the built entry takes copies of the secrets. */
    public static final class Builder {

        private final String kind;
        private final String id;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final Map<String, SecretString> secrets = new LinkedHashMap<>();

        private Builder(String kind, String id) {
            this.kind = kind;
            this.id = id;
        }

        public Builder attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        public Builder secret(String name, SecretString value) {
            secrets.put(name, value);
            return this;
        }

        public VaultEntry build() {
            return new VaultEntry(kind, id, attributes, secrets);
        }
    }
}
