package io.dora.ui.internal;

import java.nio.file.Path;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class DoraWindowAdvisor extends WorkbenchWindowAdvisor {

    /** Window titles start with this; the launch tests and the startup benchmark look for it. */
    static final String TITLE = "Dora Workbench";

    private static final Logger LOG = LoggerFactory.getLogger(DoraWindowAdvisor.class);

    private final Path workspace;

    DoraWindowAdvisor(IWorkbenchWindowConfigurer configurer, Path workspace) {
        super(configurer);
        this.workspace = workspace;
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new DoraActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setInitialSize(new Point(1200, 780));
        configurer.setShowCoolBar(false);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
        configurer.setTitle(TITLE + " \u2014 " + workspace);
    }

    @Override
    public void postWindowOpen() {
        // set by the Equinox launcher's main; the JVM's RuntimeMXBean would load JMX first, about 50 ms more
        // before the window is shown
        Long launched = Long.getLong("eclipse.startTime");
        LOG.info("workbench window shown {} ms after the launcher started",
                launched == null ? "?" : System.currentTimeMillis() - launched);
    }
}
