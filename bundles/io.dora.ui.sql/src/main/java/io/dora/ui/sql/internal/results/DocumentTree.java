package io.dora.ui.sql.internal.results;

import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

import io.dora.ui.sql.internal.documents.DocumentNode;

/**
 * MongoDB documents as a virtual tree: SWT asks for the items it paints, so a document is parsed only when its
 * row is painted and its fields only when it is expanded; asking near the end of what arrived lets the stream
 * fetch the next page, as the grid does. Ctrl+C copies the selected documents as JSON, fields as
 * {@code key: value}.
 */
final class DocumentTree extends Composite {

    private final RowBuffer buffer;
    private final int documentColumn;
    private final Supplier<String> status;
    private final Tree tree;
    private final Label footer;
    private long shownRows = -1;

    /**
     * @param documentColumn the index of the column that holds each document as relaxed extended JSON
     * @param status         the row count and timing for the footer
     */
    DocumentTree(Composite parent, RowBuffer buffer, int documentColumn, Supplier<String> status) {
        super(parent, SWT.NONE);
        this.buffer = buffer;
        this.documentColumn = documentColumn;
        this.status = status;
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        setLayout(layout);
        tree = new Tree(this, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        String[][] columns = { { "Key", "220" }, { "Value", "460" }, { "Type", "90" } };
        for (String[] column : columns) {
            new TreeColumn(tree, SWT.LEFT).setText(column[0]);
            tree.getColumn(tree.getColumnCount() - 1).setWidth(Integer.parseInt(column[1]));
        }
        tree.addListener(SWT.SetData, event -> fill((TreeItem) event.item, event.index));
        tree.addListener(SWT.KeyDown, event -> {
            if ((event.stateMask & SWT.MOD1) != 0 && (event.keyCode == 'c' || event.keyCode == 'C')) {
                copy();
                event.doit = false;
            }
        });
        footer = new Label(this, SWT.NONE);
        footer.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        refresh();
    }

    void refresh() {
        long received = buffer.received();
        if (received != shownRows) {
            shownRows = received;
            tree.setItemCount((int) Math.min(received, Integer.MAX_VALUE - 1));
        }
        footer.setText(status.get());
    }

    void focusRows() {
        tree.setFocus();
        if (tree.getSelectionCount() == 0 && tree.getItemCount() > 0) {
            tree.setSelection(tree.getItem(0));
        }
    }

    private void fill(TreeItem item, int index) {
        TreeItem parent = item.getParentItem();
        DocumentNode node;
        if (parent == null) {
            Object[] row = buffer.row(index);
            buffer.demand(index);
            if (row == null) {
                item.setText(new String[] { Integer.toString(index + 1), "\u2026 (scrolled out of the row buffer)", "" });
                return;
            }
            node = DocumentNode.document(Integer.toString(index + 1), String.valueOf(row[documentColumn]));
        } else {
            node = ((DocumentNode) parent.getData()).children().get(index);
        }
        item.setData(node);
        item.setText(new String[] { node.key(), CellText.display(node.valueText()), node.typeName() });
        item.setItemCount(node.childCount());
    }

    private void copy() {
        StringBuilder text = new StringBuilder();
        for (TreeItem item : tree.getSelection()) {
            Object[] row = item.getParentItem() == null ? buffer.row(tree.indexOf(item)) : null;
            if (row != null) {
                text.append(row[documentColumn]).append('\n');
            } else if (item.getData() instanceof DocumentNode node) {
                text.append(node.key()).append(": ").append(node.valueText()).append('\n');
            }
        }
        if (!text.isEmpty()) {
            Clipboard clipboard = new Clipboard(getDisplay());
            try {
                clipboard.setContents(new Object[] { text.toString() }, new Transfer[] { TextTransfer.getInstance() });
            } finally {
                clipboard.dispose();
            }
        }
    }
}
