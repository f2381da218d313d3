package io.dora.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import io.dora.ui.internal.views.ConnectionsView;
import io.dora.ui.internal.views.InstalledPluginsView;

/** Connections on the left, editors in the middle, the supporting views below. */
public final class DoraPerspective implements IPerspectiveFactory {

    public static final String ID = "io.dora.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.setEditorAreaVisible(true);
        layout.addView(ConnectionsView.ID, IPageLayout.LEFT, 0.28f, editors);
        IFolderLayout bottom = layout.createFolder("io.dora.ui.bottom", IPageLayout.BOTTOM, 0.62f, editors);
        bottom.addView(InstalledPluginsView.ID);
        bottom.addPlaceholder(IPageLayout.ID_PROGRESS_VIEW);
        layout.addShowViewShortcut(ConnectionsView.ID);
        layout.addShowViewShortcut(InstalledPluginsView.ID);
    }
}
