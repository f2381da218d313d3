package io.dora.product.tests.workbench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;

import org.junit.jupiter.api.Assumptions;

/** The set-up every workbench UI test class shares. */
final class UiTests {

    private UiTests() {
    }

    /**
     * A virtual display for the test class. A missing tool fails the tests under CI=true and skips them, with
     * the reason, otherwise; a product that was not built fails them.
     */
    static VirtualDisplay startDisplay(String... extraTools) throws Exception {
        String missing = VirtualDisplay.missingTools(extraTools);
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        assertTrue(Files.isExecutable(Workbench.productHome().resolve("dora")),
                "the workbench product is not built: " + Workbench.productHome());
        return VirtualDisplay.start();
    }
}
