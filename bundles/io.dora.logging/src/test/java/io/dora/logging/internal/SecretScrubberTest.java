package io.dora.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecretScrubberTest {

    @Test
    void masksSecretValuesInTheUsualFormats() {
        assertEquals("{\"user\": \"ann\", \"password\": \"***\", \"apiToken\":\"***\"}",
                SecretScrubber.scrub("{\"user\": \"ann\", \"password\": \"p\\\"w\", \"apiToken\":\"t0k\"}"));
        assertEquals("<user>ann</user><password>***</password>",
                SecretScrubber.scrub("<user>ann</user><password>hunter2</password>"));
        assertEquals("<db secret=\"***\" host=\"h\"/>", SecretScrubber.scrub("<db secret=\"s3\" host=\"h\"/>"));
        assertEquals("db.password=***\nuser=ann", SecretScrubber.scrub("db.password=hunter2\nuser=ann"));
        assertEquals("connecting with token: *** now", SecretScrubber.scrub("connecting with token: abc123 now"));
        assertEquals("jdbc:postgresql://ann:***@db/x", SecretScrubber.scrub("jdbc:postgresql://ann:hunter2@db/x"));
        assertEquals("nothing secret here: 42", SecretScrubber.scrub("nothing secret here: 42"));
    }

    @Test
    void masksTheContentOfPemBlocks() {
        assertEquals("key: -----BEGIN PRIVATE KEY-----***-----END PRIVATE KEY----- and -----BEGIN CERTIFICATE-----***",
                SecretScrubber.scrub("key: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\nkqhkiG9w0BAQ\n-----END PRIVATE KEY-----"
                        + " and -----BEGIN CERTIFICATE-----\nMIIBszCCAVmg (cut off)"));
    }
}
