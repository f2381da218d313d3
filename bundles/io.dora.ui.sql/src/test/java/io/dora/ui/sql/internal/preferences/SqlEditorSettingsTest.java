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

        assertEquals(List.of("Autosave every 1 to 600 seconds.", "Rows per page: 10 to 10,000.",
                "Rows in memory: 1,000 to 1,000,000."), problems);
    }

    @Test
    void memoryHoldsAtLeastOnePage() {
        assertEquals(List.of("Rows in memory must hold a page (10,000 rows)."),
                new SqlEditorSettings(5, 10_000, 5_000).problems());
        assertTrue(new SqlEditorSettings(600, 10_000, 10_000).problems().isEmpty());
    }

    @Test
    void aHandEditedValueOutOfRangeFallsBackToItsDefault() {
        assertEquals(new SqlEditorSettings(5, 500, 100_000), new SqlEditorSettings(-1, 500, 7).orDefaults());
        assertEquals(new SqlEditorSettings(30, 10_000, 100_000), new SqlEditorSettings(30, 10_000, 5_000).orDefaults());
        assertEquals(new SqlEditorSettings(30, 10_000, 20_000), new SqlEditorSettings(30, 10_000, 20_000).orDefaults());
    }
}
