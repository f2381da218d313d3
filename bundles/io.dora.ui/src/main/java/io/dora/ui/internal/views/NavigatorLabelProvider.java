package io.dora.ui.internal.views;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.jface.viewers.IColorProvider;
import org.eclipse.jface.viewers.IFontProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

import io.dora.core.connection.Environment;
import io.dora.ui.internal.views.NavigatorNode.ColumnNode;
import io.dora.ui.internal.views.NavigatorNode.ConnectionNode;
import io.dora.ui.internal.views.NavigatorNode.FolderNode;
import io.dora.ui.internal.views.NavigatorNode.ForeignKeyNode;
import io.dora.ui.internal.views.NavigatorNode.IndexNode;
import io.dora.ui.internal.views.NavigatorNode.PrimaryKeyNode;
import io.dora.ui.internal.views.NavigatorNode.SchemaNode;
import io.dora.ui.internal.views.NavigatorNode.SectionNode;
import io.dora.ui.internal.views.NavigatorNode.StatusNode;
import io.dora.ui.internal.views.NavigatorNode.TableNode;

/** Names with their kind and type; production connections in bold red so they cannot be mistaken. */
final class NavigatorLabelProvider extends LabelProvider implements IColorProvider, IFontProvider {

    private final NavigatorModel model;
    /** By bundle and path; created on the UI thread when first drawn (the labels' text needs no display). */
    private final Map<String, Image> icons = new HashMap<>();

    NavigatorLabelProvider(NavigatorModel model) {
        this.model = model;
    }

    @Override
    public String getText(Object element) {
        return switch ((NavigatorNode) element) {
            case ConnectionNode connection -> connection.name() + "  [" + connection.spec().driverId() + ", "
                    + connection.spec().environment() + (connection.spec().readOnly() ? ", read-only" : "")
                    + (model.isConnected(connection) ? ", connected" : "") + "]";
            case FolderNode folder -> folder.name();
            case SchemaNode schema -> schema.name();
            case TableNode table -> table.name() + "  " + table.table().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            case SectionNode section -> section.name() + " (" + section.children().size() + ")";
            case ColumnNode column -> column.name() + " : " + column.column().typeName()
                    + (column.column().nullable() ? "" : " not null");
            case PrimaryKeyNode key -> key.name() + " (" + String.join(", ", key.key().columns()) + ")"
                    + (key.key().name().isEmpty() ? "" : "  primary key");
            case ForeignKeyNode key -> key.name() + " (" + String.join(", ", key.key().columns()) + ") \u2192 "
                    + key.target() + " (" + String.join(", ", key.key().referencedColumns()) + ")";
            case IndexNode index -> index.name() + " (" + String.join(", ", index.index().columns()) + ")"
                    + (index.index().unique() ? "  unique" : "");
            case StatusNode status -> status.name();
        };
    }

    @Override
    public Image getImage(Object element) {
        return switch ((NavigatorNode) element) {
            case ConnectionNode connection -> png("io.dora.ui", "icons/connections.png");
            case FolderNode folder -> shared(ISharedImages.IMG_OBJ_FOLDER);
            case SchemaNode schema -> shared(ISharedImages.IMG_OBJ_FOLDER);
            case TableNode table -> shared(ISharedImages.IMG_OBJ_FILE);
            case SectionNode section -> shared(ISharedImages.IMG_OBJ_FOLDER);
            case ColumnNode column -> shared(ISharedImages.IMG_OBJ_ELEMENT);
            case PrimaryKeyNode primaryKey -> shared(ISharedImages.IMG_OBJS_BKMRK_TSK);
            case ForeignKeyNode foreignKey -> shared(ISharedImages.IMG_OBJS_BKMRK_TSK);
            case IndexNode index -> shared(ISharedImages.IMG_OBJS_TASK_TSK);
            case StatusNode status -> png("org.eclipse.ui",
                    status.error() ? "icons/full/obj16/error_tsk.png" : "icons/full/obj16/info_tsk.png");
        };
    }

    private static Image shared(String name) {
        return PlatformUI.getWorkbench().getSharedImages().getImage(name);
    }

    /**
     * A PNG icon of a bundle, for the rows that show at start (connections, the locked vault's row): the
     * platform's shared images are SVGs, and the first SVG drawn loads the SVG renderer and Java2D, about 0.1 s
     * of the main thread.
     */
    private Image png(String bundle, String path) {
        return icons.computeIfAbsent(bundle + "/" + path, missing -> ResourceLocator
                .imageDescriptorFromBundle(bundle, path)
                .orElseThrow(() -> new IllegalStateException("no icon " + path + " in " + bundle))
                .createImage());
    }

    @Override
    public void dispose() {
        icons.values().forEach(Image::dispose);
        icons.clear();
        super.dispose();
    }

    @Override
    public Color getForeground(Object element) {
        if (element instanceof ConnectionNode connection) {
            return switch (connection.spec().environment()) {
                case PRODUCTION -> Display.getCurrent().getSystemColor(SWT.COLOR_DARK_RED);
                case STAGING -> Display.getCurrent().getSystemColor(SWT.COLOR_DARK_YELLOW);
                default -> null;
            };
        }
        if (element instanceof StatusNode status && status.error()) {
            return Display.getCurrent().getSystemColor(SWT.COLOR_RED);
        }
        return null;
    }

    @Override
    public Color getBackground(Object element) {
        return null;
    }

    @Override
    public Font getFont(Object element) {
        return element instanceof ConnectionNode connection && connection.spec().environment() == Environment.PRODUCTION
                ? JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT)
                : null;
    }
}
