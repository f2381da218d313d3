package io.dora.ui.sql.internal.results;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

import io.dora.core.query.ColumnInfo;

/**
 * A result set of MongoDB documents, shown two ways with a toggle: the documents as a tree, and the flattened
 * grid (one column per leaf path, the whole document last). Both read the same row buffer.
 */
final class DocumentResults extends Composite implements ResultView {

    /** The label and type of the last column in which the MongoDB driver puts each whole document. */
    static final String DOCUMENT_COLUMN = "(document)";
    private static final String DOCUMENT_TYPE = "document";

    private final ResultGrid grid;
    private final DocumentTree tree;
    private final StackLayout stack = new StackLayout();
    private final Composite pages;

    /**
     * @param showTree   whether the tree shows first
     * @param modeChosen told {@code true} when the user switches to the tree, {@code false} to the grid
     */
    DocumentResults(Composite parent, String statement, List<ColumnInfo> columns, RowBuffer buffer,
            long startedNanos, boolean showTree, Consumer<Boolean> modeChosen) {
        super(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 0;
        setLayout(layout);
        ToolBar modes = new ToolBar(this, SWT.FLAT | SWT.RIGHT);
        ToolItem treeMode = new ToolItem(modes, SWT.RADIO);
        treeMode.setText("Documents");
        treeMode.setToolTipText("Each document as a tree of its fields, nested documents and arrays");
        ToolItem gridMode = new ToolItem(modes, SWT.RADIO);
        gridMode.setText("Grid");
        gridMode.setToolTipText("One column per field path; the whole document in the last column");
        pages = new Composite(this, SWT.NONE);
        pages.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        pages.setLayout(stack);
        grid = new ResultGrid(pages, statement, columns, buffer, startedNanos);
        tree = new DocumentTree(pages, buffer, columns.size() - 1, grid::status);
        treeMode.setSelection(showTree);
        gridMode.setSelection(!showTree);
        show(showTree ? tree : grid);
        treeMode.addListener(SWT.Selection, event -> choose(treeMode.getSelection(), true, modeChosen));
        gridMode.addListener(SWT.Selection, event -> choose(gridMode.getSelection(), false, modeChosen));
    }

    /** Whether the columns are those the MongoDB driver gives documents: the whole document last. */
    static boolean holdsDocuments(List<ColumnInfo> columns) {
        if (columns.isEmpty()) {
            return false;
        }
        ColumnInfo last = columns.get(columns.size() - 1);
        return DOCUMENT_COLUMN.equals(last.label()) && DOCUMENT_TYPE.equals(last.typeName());
    }

    @Override
    public RowBuffer buffer() {
        return grid.buffer();
    }

    @Override
    public String statement() {
        return grid.statement();
    }

    @Override
    public void refresh() {
        grid.refresh();
        tree.refresh();
    }

    @Override
    public void focusRows() {
        if (stack.topControl == tree) {
            tree.focusRows();
        } else {
            grid.focusRows();
        }
    }

    private void choose(boolean selected, boolean treeChosen, Consumer<Boolean> modeChosen) {
        if (selected) { // a radio group also reports the item that was deselected
            show(treeChosen ? tree : grid);
            modeChosen.accept(treeChosen);
        }
    }

    private void show(Control page) {
        stack.topControl = page;
        pages.layout();
    }
}
