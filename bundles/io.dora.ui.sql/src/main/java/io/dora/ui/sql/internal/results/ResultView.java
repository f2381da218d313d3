package io.dora.ui.sql.internal.results;

/** What the results panel asks of a result set's tab, whichever way it shows the rows. */
interface ResultView {

    RowBuffer buffer();

    /** The statement that returned this result set, which Export Result runs again. */
    String statement();

    /** Shows the rows that arrived since the last call; cheap when nothing changed. */
    void refresh();

    /** Puts the keyboard focus into the rows. */
    void focusRows();
}
