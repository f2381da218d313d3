package io.dora.ui.observe.internal.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dora.logging.LogLevel;

class LevelOverridesTest {

    @Test
    void applyingCallsSetLevelOnlyForTheDifferences() {
        LevelOverrides overrides = new LevelOverrides(Map.of("io.dora.driver", LogLevel.DEBUG,
                "io.dora.sql", LogLevel.WARN, "io.dora.core", LogLevel.INFO));
        overrides.remove("io.dora.sql");
        overrides.put("io.dora.core", LogLevel.TRACE);
        overrides.put(" io.dora.query ", LogLevel.OFF);
        assertTrue(overrides.isChanged());

        List<String> calls = new ArrayList<>();
        overrides.applyTo((logger, level) -> calls.add(logger + "=" + level));
        assertEquals(List.of("io.dora.sql=null", "io.dora.core=TRACE", "io.dora.query=OFF"), calls);
    }

    @Test
    void renamingInTheEditDialogMovesTheLevel() {
        LevelOverrides overrides = new LevelOverrides(Map.of("io.dora.drvier", LogLevel.DEBUG));
        overrides.replace("io.dora.drvier", "io.dora.driver", LogLevel.DEBUG);
        assertEquals(Map.of("io.dora.driver", LogLevel.DEBUG), overrides.levels());
        overrides.replace("io.dora.driver", "io.dora.driver", LogLevel.ERROR);
        assertEquals(Map.of("io.dora.driver", LogLevel.ERROR), overrides.levels());
    }

    @Test
    void unchangedOverridesCallNothing() {
        LevelOverrides overrides = new LevelOverrides(Map.of("ROOT", LogLevel.INFO));
        overrides.put("ROOT", LogLevel.INFO);
        assertFalse(overrides.isChanged());
        overrides.applyTo((logger, level) -> {
            throw new AssertionError("no call expected for " + logger);
        });
    }

    @Test
    void onlyLoggerNamesAreAccepted() {
        assertNull(LevelOverrides.problemWith("ROOT"));
        assertNull(LevelOverrides.problemWith("io.dora.driver.postgres"));
        assertNull(LevelOverrides.problemWith("com.zaxxer.hikari.pool.HikariPool$PoolEntry"));
        assertNotNull(LevelOverrides.problemWith(" "));
        assertNotNull(LevelOverrides.problemWith("io..dora"));
        assertNotNull(LevelOverrides.problemWith("io.dora driver"));
        assertThrows(IllegalArgumentException.class, () -> new LevelOverrides(Map.of()).put("1abc", LogLevel.INFO));
    }
}
