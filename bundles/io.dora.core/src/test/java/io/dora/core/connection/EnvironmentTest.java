package io.dora.core.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void parsesTheFourIdsCaseInsensitively() {
        assertEquals(Environment.PRODUCTION, Environment.parse("Production"));
        assertEquals(Environment.DEVELOPMENT, Environment.parse(" development "));
    }

    @Test
    void rejectsAnythingElseNamingTheAcceptedValues() {
        var error = assertThrows(IllegalArgumentException.class, () -> Environment.parse("prod"));
        assertTrue(error.getMessage().contains("development, test, staging, production"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Environment.parse(null));
    }
}
