package io.dora.ui.sql.internal.results;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.dora.core.query.ColumnInfo;
import io.dora.core.query.Notice;
import io.dora.core.query.ResultSink;

/**
 * The results below a SQL editor: one tab per result set and per update count, in the order the server sent
 * them, and a Messages tab with notices, warnings and errors. Every method runs on the UI thread; the sinks it
 * hands out run on the executing thread and hop over by themselves.
 */
public final class ResultsPanel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final CTabFolder folder;
    private final CTabItem messagesTab;
    private final Table messages;
    private final List<ResultView> resultViews = new ArrayList<>();
    private int resultCount;
    /** Whether MongoDB documents show as a tree rather than the grid; the last choice holds for the next results. */
    private boolean documentsAsTree = true;

    public ResultsPanel(Composite parent) {
        folder = new CTabFolder(parent, SWT.BORDER | SWT.BOTTOM);
        messagesTab = new CTabItem(folder, SWT.NONE);
        messagesTab.setText("Messages");
        messages = new Table(folder, SWT.MULTI | SWT.FULL_SELECTION);
        messages.setHeaderVisible(true);
        for (String title : new String[] { "Time", "Level", "Message" }) {
            new TableColumn(messages, SWT.LEFT).setText(title);
        }
        messages.getColumn(0).setWidth(70);
        messages.getColumn(1).setWidth(80);
        messages.getColumn(2).setWidth(900);
        messagesTab.setControl(messages);
        folder.setSelection(messagesTab);
    }

    public Composite control() {
        return folder;
    }

    /** Removes the previous results; stops a result set still streaming. */
    public void clear() {
        stopStreaming();
        for (CTabItem item : folder.getItems()) {
            if (item != messagesTab) {
                item.getControl().dispose();
                item.dispose();
            }
        }
        resultViews.clear();
        messages.removeAll();
        resultCount = 0;
    }

    /** Lets every result set still reading end where it is, so its statement and the session are released. */
    public void stopStreaming() {
        resultViews.forEach(grid -> grid.buffer().stop());
    }

    /** Whether some result set still has rows on the server. */
    public boolean isStreaming() {
        return resultViews.stream().anyMatch(grid -> !grid.buffer().finished());
    }

    /** Whether every open result set waits for the user to scroll (nothing else runs). */
    public boolean onlyWaitingForScrolling() {
        return !resultViews.isEmpty() && resultViews.stream()
                .allMatch(grid -> grid.buffer().finished() || grid.buffer().waitingForDemand())
                && isStreaming();
    }

    /** Shows the rows that arrived since the last call. */
    public void refresh() {
        resultViews.forEach(ResultView::refresh);
    }

    public void message(String level, String text) {
        TableItem item = new TableItem(messages, SWT.NONE);
        item.setText(new String[] { LocalTime.now().format(TIME), level, text.replace('\n', ' ') });
        if ("ERROR".equals(level)) {
            Color red = folder.getDisplay().getSystemColor(SWT.COLOR_RED);
            item.setForeground(1, red);
            item.setForeground(2, red);
        }
        messages.showItem(item);
    }

    /** Focuses the rows of the result tab shown; false when it shows no result set. */
    public boolean focusRows() {
        CTabItem selected = folder.getSelection();
        if (selected != null && selected.getControl() instanceof ResultView grid) {
            grid.focusRows();
            return true;
        }
        return false;
    }

    /**
     * The statement of the result set shown, which Export Result runs again: the result tab in front, or the first
     * result set while another tab (Messages) is; empty when there is no result set.
     */
    public Optional<String> shownStatement() {
        CTabItem selected = folder.getSelection();
        if (selected != null && selected.getControl() instanceof ResultView view) {
            return Optional.of(view.statement());
        }
        return resultViews.stream().findFirst().map(ResultView::statement);
    }

    public void showMessages() {
        folder.setSelection(messagesTab);
    }

    /** The title of the tab shown, e.g. {@code Messages} or {@code Result 2}. */
    public String selectedTabTitle() {
        CTabItem selected = folder.getSelection();
        return selected == null ? messagesTab.getText() : selected.getText();
    }

    /** Shows the tab with this title; false when there is none (results of a past run are not kept). */
    public boolean selectTab(String title) {
        for (CTabItem item : folder.getItems()) {
            if (item.getText().equals(title)) {
                folder.setSelection(item);
                return true;
            }
        }
        return false;
    }

    /**
     * A sink for one execution. Result sets of the last statement wait for the user to scroll; those of earlier
     * statements stop at the capacity so that the script goes on.
     *
     * @param lastStatement the index of the request's last statement
     * @param pageRows      rows fetched ahead of the last row the grid painted
     * @param capacityRows  rows of one result set kept in memory at most
     * @param firstPage     called on the executing thread when a result set's first page has arrived
     */
    public ResultSink newSink(int lastStatement, int pageRows, int capacityRows,
            Function<String, FirstRowsListener> firstPage) {
        return new PanelSink(folder.getDisplay(), lastStatement, pageRows, capacityRows, firstPage);
    }

    /** Told when a result set's first page arrived, or it ended within it; on the executing thread. */
    public interface FirstRowsListener {
        void firstRows(long rows, boolean more);
    }

    private void addResultSet(String statement, List<ColumnInfo> columns, RowBuffer buffer, long startedNanos) {
        if (folder.isDisposed()) {
            buffer.stop();
            return;
        }
        Composite view = DocumentResults.holdsDocuments(columns)
                ? new DocumentResults(folder, statement, columns, buffer, startedNanos, documentsAsTree,
                        tree -> documentsAsTree = tree)
                : new ResultGrid(folder, statement, columns, buffer, startedNanos);
        resultViews.add((ResultView) view);
        CTabItem item = new CTabItem(folder, SWT.NONE, folder.indexOf(messagesTab));
        item.setText("Result " + ++resultCount);
        item.setToolTipText(statement);
        item.setControl(view);
        if (resultCount == 1) {
            folder.setSelection(item);
        }
    }

    private void addUpdateCount(String statement, long count) {
        if (folder.isDisposed()) {
            return;
        }
        Label label = new Label(folder, SWT.WRAP);
        String affected = String.format(count == 1 ? "%,d row affected" : "%,d rows affected", count);
        label.setText(affected + " by" + System.lineSeparator() + statement);
        CTabItem item = new CTabItem(folder, SWT.NONE, folder.indexOf(messagesTab));
        item.setText("Update " + ++resultCount);
        item.setToolTipText(statement);
        item.setControl(label);
        if (resultViews.isEmpty()) {
            folder.setSelection(item);
        }
        message("INFO", affected);
    }

    private final class PanelSink implements ResultSink {
        private final Display display;
        private final int lastStatement;
        private final int pageRows;
        private final int capacityRows;
        private final Function<String, FirstRowsListener> firstPage;
        private int statementIndex;
        private String statement = "";
        private long startedNanos;
        private RowBuffer buffer;
        private FirstRowsListener listener;

        PanelSink(Display display, int lastStatement, int pageRows, int capacityRows,
                Function<String, FirstRowsListener> firstPage) {
            this.display = display;
            this.lastStatement = lastStatement;
            this.pageRows = pageRows;
            this.capacityRows = capacityRows;
            this.firstPage = firstPage;
        }

        @Override
        public void statementStarted(int index, String text) {
            statementIndex = index;
            statement = text;
            startedNanos = System.nanoTime();
        }

        @Override
        public void resultSetStarted(List<ColumnInfo> columns) {
            RowBuffer created = new RowBuffer(pageRows, capacityRows, statementIndex == lastStatement);
            buffer = created;
            listener = firstPage.apply(statement);
            String text = statement;
            long started = startedNanos;
            ui(() -> addResultSet(text, columns, created, started));
        }

        @Override
        public boolean row(Object[] values) {
            try {
                boolean accepted = buffer.offer(values);
                if (accepted && buffer.received() == pageRows) {
                    listener.firstRows(pageRows, true);
                }
                return accepted;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void resultSetEnded(long rowCount, boolean truncated) {
            buffer.finish(truncated);
            if (buffer.received() < pageRows) {
                listener.firstRows(buffer.received(), false);
            }
            ui(ResultsPanel.this::refresh);
        }

        @Override
        public void updateCount(long count) {
            String text = statement;
            ui(() -> addUpdateCount(text, count));
        }

        @Override
        public void notice(Notice notice) {
            String code = notice.sqlState() == null ? "" : " [" + notice.sqlState() + "]";
            ui(() -> message(notice.severity(), notice.message() + code));
        }

        private void ui(Runnable update) {
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    if (!folder.isDisposed()) {
                        update.run();
                    }
                });
            }
        }
    }
}
