package io.dora.ui.internal;

import java.nio.file.Path;

import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

public final class DoraWorkbenchAdvisor extends WorkbenchAdvisor {

    private final Path workspace;

    public DoraWorkbenchAdvisor(Path workspace) {
        this.workspace = workspace;
    }

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        configurer.setSaveAndRestore(true);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return DoraPerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new DoraWindowAdvisor(configurer, workspace);
    }
}
