package io.dora.ui.sql.internal.preferences;

import java.util.ArrayList;
import java.util.List;

/**
 * The "Dora > SQL Editor" settings and their valid ranges. Pure values, so the checks are tested without a
 * workbench; {@link SqlEditorPreferences} reads them from the workspace's preferences.
 *
 * @param autosaveSeconds how often the session (open editors, their text and layout) is saved when it changed
 * @param pageRows        rows fetched ahead of the last row the result grid painted
 * @param capacityRows    rows of one result set kept in memory at most
 */
public record SqlEditorSettings(int autosaveSeconds, int pageRows, int capacityRows) {

    public static final int MIN_AUTOSAVE_SECONDS = 1;
    public static final int MAX_AUTOSAVE_SECONDS = 600;
    public static final int MIN_PAGE_ROWS = 10;
    public static final int MAX_PAGE_ROWS = 10_000;
    public static final int MIN_CAPACITY_ROWS = 1_000;
    /** The row buffer allocates its ring up front: a million references is 8 MB per result set. */
    public static final int MAX_CAPACITY_ROWS = 1_000_000;

    public static final SqlEditorSettings DEFAULTS = new SqlEditorSettings(5, 200, 100_000);

    // short: the preference dialog's message line is narrow
    public static final String AUTOSAVE_RANGE = String.format("Autosave every %,d to %,d seconds.",
            MIN_AUTOSAVE_SECONDS, MAX_AUTOSAVE_SECONDS);
    public static final String PAGE_RANGE = String.format("Rows per page: %,d to %,d.", MIN_PAGE_ROWS,
            MAX_PAGE_ROWS);
    public static final String CAPACITY_RANGE = String.format("Rows in memory: %,d to %,d.", MIN_CAPACITY_ROWS,
            MAX_CAPACITY_ROWS);

    /** What is wrong with these values, one sentence each; empty when they may be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!within(autosaveSeconds, MIN_AUTOSAVE_SECONDS, MAX_AUTOSAVE_SECONDS)) {
            problems.add(AUTOSAVE_RANGE);
        }
        if (!within(pageRows, MIN_PAGE_ROWS, MAX_PAGE_ROWS)) {
            problems.add(PAGE_RANGE);
        }
        if (!within(capacityRows, MIN_CAPACITY_ROWS, MAX_CAPACITY_ROWS)) {
            problems.add(CAPACITY_RANGE);
        }
        if (problems.isEmpty() && capacityRows < pageRows) {
            problems.add(String.format("Rows in memory must hold a page (%,d rows).", pageRows));
        }
        return problems;
    }

    /** These values where valid, else the defaults' for the ones out of range (a hand-edited preference file). */
    public SqlEditorSettings orDefaults() {
        int autosave = within(autosaveSeconds, MIN_AUTOSAVE_SECONDS, MAX_AUTOSAVE_SECONDS) ? autosaveSeconds
                : DEFAULTS.autosaveSeconds;
        int page = within(pageRows, MIN_PAGE_ROWS, MAX_PAGE_ROWS) ? pageRows : DEFAULTS.pageRows;
        int capacity = within(capacityRows, MIN_CAPACITY_ROWS, MAX_CAPACITY_ROWS) && capacityRows >= page
                ? capacityRows : Math.max(DEFAULTS.capacityRows, page);
        return new SqlEditorSettings(autosave, page, capacity);
    }

    private static boolean within(int value, int min, int max) {
        return value >= min && value <= max;
    }
}
