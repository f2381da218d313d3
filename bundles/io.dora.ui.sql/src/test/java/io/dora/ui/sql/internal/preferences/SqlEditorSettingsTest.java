package io.dora.ui.sql.internal.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SqlEditorSettingsTest {

    @Test
    void theDefaultsAreValid() {
        assertTrue(SqlEditorSettings.DEFAULTS.problems().isEmpty());
        assertEquals(new SqlEditorSettings(5, 200, 100_000), SqlEditorSettings.DEFAULTS);
    }

    @Test
    void eachValueOutOfItsRangeIsNamedWithTheRange() {
        List<String> problems = new SqlEditorSettings(0, 5, 2_000_000).problems();

        assertEquals(List.of("The autosave interval must be between 1 and 600 seconds.",
                "The rows fetched per page must be between 10 and 10,000 rows.",
                "The rows kept in memory per result set must be between 1,000 and 1,000,000 rows."), problems);
    }

    @Test
    void memoryHoldsAtLeastOnePage() {
        assertEquals(List.of("The rows kept in memory per result set (5,000) must be at least the rows fetched per "
                + "page (10,000)."), new SqlEditorSettings(5, 10_000, 5_000).problems());
        assertTrue(new SqlEditorSettings(600, 10_000, 10_000).problems().isEmpty());
    }

    @Test
    void aHandEditedValueOutOfRangeFallsBackToItsDefault() {
        assertEquals(new SqlEditorSettings(5, 500, 100_000), new SqlEditorSettings(-1, 500, 7).orDefaults());
        assertEquals(new SqlEditorSettings(30, 10_000, 100_000), new SqlEditorSettings(30, 10_000, 5_000).orDefaults());
        assertEquals(new SqlEditorSettings(30, 10_000, 20_000), new SqlEditorSettings(30, 10_000, 20_000).orDefaults());
    }
}
