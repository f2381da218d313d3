package io.dora.product.tests.workbench;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.io.File;

import javax.imageio.ImageIO;

/**
 * Saves the whole X screen named by $DISPLAY as a PNG. Runs in a child JVM because AWT binds to the display
 * once per process, and the test JVM itself must stay headless.
 */
public final class ScreenCapture {

    private ScreenCapture() {
    }

    public static void main(String[] args) throws Exception {
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        ImageIO.write(new Robot().createScreenCapture(screen), "png", new File(args[0]));
    }
}
