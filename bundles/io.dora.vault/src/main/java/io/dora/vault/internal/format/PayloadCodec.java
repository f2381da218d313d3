package io.dora.vault.internal.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;

import io.dora.core.secret.SecretString;
import io.dora.vault.VaultCorruptedException;
import io.dora.vault.VaultEntry;
import io.dora.vault.VaultException;

/**
 * The decrypted payload: versioned JSON, {@code {"version":1,"entries":[{"kind","id","attributes":{},"secrets":{}}]}}.
 * Jackson's streaming API is used rather than data binding so that secret values go from the parser's
 * character buffer straight into a {@link SecretString} and back, without ever becoming a {@code String}.
 */
public final class PayloadCodec {

    static final int PAYLOAD_VERSION = 1;
    /** No buffer pool: pooled buffers would keep secret characters alive for the life of the JVM. */
    private static final JsonFactory JSON = JsonFactory.builder().recyclerPool(JsonRecyclerPools.nonRecyclingPool()).build();

    private PayloadCodec() {
    }

    public static byte[] write(Collection<VaultEntry> entries) {
        var out = new ByteArrayOutputStream(256 + 128 * entries.size());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("version", PAYLOAD_VERSION);
            json.writeArrayFieldStart("entries");
            for (VaultEntry entry : entries) {
                json.writeStartObject();
                json.writeStringField("kind", entry.kind());
                json.writeStringField("id", entry.id());
                json.writeObjectFieldStart("attributes");
                for (var attribute : entry.attributes().entrySet()) {
                    json.writeStringField(attribute.getKey(), attribute.getValue());
                }
                json.writeEndObject();
                json.writeObjectFieldStart("secrets");
                for (var secret : entry.secrets().entrySet()) {
                    json.writeFieldName(secret.getKey());
                    char[] value = secret.getValue().reveal();
                    try {
                        json.writeString(value, 0, value.length);
                    } finally {
                        Arrays.fill(value, '\0');
                    }
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads an authenticated payload. Malformed JSON here means a bug or a forged file with the right key;
     * the parser's message is dropped on purpose, because it may quote a secret.
     */
    public static List<VaultEntry> read(byte[] payload, String source) {
        try (JsonParser json = JSON.createParser(payload)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            List<VaultEntry> entries = null;
            int version = -1;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "version" -> {
                        expect(value, JsonToken.VALUE_NUMBER_INT);
                        version = json.getIntValue();
                        if (version != PAYLOAD_VERSION) {
                            throw new VaultException(source + " holds payload version " + version
                                    + ", which this Dora cannot read (it reads version " + PAYLOAD_VERSION + ")");
                        }
                    }
                    case "entries" -> entries = readEntries(json, value);
                    default -> throw new MalformedPayload();
                }
            }
            if (version < 0 || entries == null) {
                throw new MalformedPayload();
            }
            return entries;
        } catch (IOException | MalformedPayload | IllegalArgumentException e) {
            throw new VaultCorruptedException(source + " decrypted, but its content is not a valid vault payload ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<VaultEntry> readEntries(JsonParser json, JsonToken start) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        List<VaultEntry> entries = new ArrayList<>();
        while (json.nextToken() == JsonToken.START_OBJECT) {
            entries.add(readEntry(json));
        }
        expect(json.currentToken(), JsonToken.END_ARRAY);
        return entries;
    }

    private static VaultEntry readEntry(JsonParser json) throws IOException {
        String kind = null;
        String id = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, SecretString> secrets = new LinkedHashMap<>();
        try {
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "kind" -> kind = text(json, value);
                    case "id" -> id = text(json, value);
                    case "attributes" -> readObject(json, value, name -> attributes.put(name, text(json, json.currentToken())));
                    case "secrets" -> readObject(json, value, name -> secrets.put(name, secret(json)));
                    default -> throw new MalformedPayload();
                }
            }
            return new VaultEntry(kind, id, attributes, secrets);
        } finally {
            // the entry holds copies; these were only the parser's hand-over
            secrets.values().forEach(SecretString::destroy);
        }
    }

    private interface FieldReader {
        void read(String name) throws IOException;
    }

    private static void readObject(JsonParser json, JsonToken start, FieldReader reader) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            reader.read(name);
        }
    }

    private static String text(JsonParser json, JsonToken token) throws IOException {
        expect(token, JsonToken.VALUE_STRING);
        return json.getText();
    }

    private static SecretString secret(JsonParser json) throws IOException {
        expect(json.currentToken(), JsonToken.VALUE_STRING);
        char[] value = Arrays.copyOfRange(json.getTextCharacters(), json.getTextOffset(),
                json.getTextOffset() + json.getTextLength());
        try {
            return SecretString.of(value);
        } finally {
            Arrays.fill(value, '\0');
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new MalformedPayload();
        }
    }

    /** Carries no message: nothing of the payload may leak into an exception. */
    private static final class MalformedPayload extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MalformedPayload() {
            super(null, null, false, false);
        }
    }
}
