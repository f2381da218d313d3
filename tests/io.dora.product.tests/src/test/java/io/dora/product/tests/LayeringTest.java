package io.dora.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Only *.ui* bundles may touch SWT, JFace or the workbench; the headless product carries none of them. */
class LayeringTest {

    private static final Pattern UI_REFERENCE = Pattern.compile("org\\.eclipse\\.(swt|jface|ui)([.;,\\s*]|$)");
    private static final Path ROOT = Path.of(System.getProperty("dora.root"));

    static boolean isUiBundle(String name) {
        return name.endsWith(".ui") || name.contains(".ui.");
    }

    @Test
    void headlessBundlesNeitherImportNorRequireUi() throws IOException {
        List<String> offenders;
        try (Stream<Path> bundles = Files.list(ROOT.resolve("bundles"))) {
            offenders = bundles.filter(b -> !isUiBundle(b.getFileName().toString()))
                    .flatMap(LayeringTest::uiReferences).toList();
        }
        assertTrue(offenders.isEmpty(), "headless bundles referring to SWT/JFace/org.eclipse.ui: " + offenders);
    }

    @Test
    void theCheckRecognisesAUiImport() {
        assertTrue(UI_REFERENCE.matcher("import org.eclipse.swt.widgets.Display;").find());
        assertTrue(UI_REFERENCE.matcher(" org.eclipse.ui,").find());
        assertFalse(UI_REFERENCE.matcher("import org.eclipse.equinox.app.IApplication;").find());
        assertTrue(isUiBundle("io.dora.driver.postgres.ui"));
        assertFalse(isUiBundle("io.dora.core"));
    }

    @Test
    void headlessProductContainsNoUiBundle() throws IOException {
        Path plugins = Path.of(System.getProperty("dora.cli.home")).resolve("plugins");
        assertTrue(Files.isDirectory(plugins), "the headless product was not materialized: " + plugins);
        try (Stream<Path> files = Files.list(plugins)) {
            List<String> ui = files.map(p -> p.getFileName().toString())
                    .filter(n -> UI_REFERENCE.matcher(n).find()).toList();
            assertEquals(List.of(), ui);
        }
    }

    private static Stream<String> uiReferences(Path bundle) {
        try (Stream<Path> files = Files.walk(bundle)) {
            return files.filter(f -> !f.toString().contains("/target/"))
                    .filter(f -> f.toString().endsWith(".java") || f.endsWith(Path.of("META-INF", "MANIFEST.MF")))
                    .filter(LayeringTest::mentionsUi)
                    .map(f -> ROOT.relativize(f).toString()).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean mentionsUi(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith("import ") || l.startsWith(" ") || l.contains(":"))
                    .anyMatch(l -> UI_REFERENCE.matcher(l).find());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
