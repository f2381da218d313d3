package io.dora.product.tests.workbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built headless product as the workbench tests use it to prepare a vault: the user's files under a test's
 * own {@code user.home}, never the real one, and no display.
 */
final class DoraCli {

    private DoraCli() {
    }

    /**
     * Runs {@code dora-cli ARGS} with the master password and an empty connection password (trust authentication
     * on loopback, or none for the driver) and returns its output.
     *
     * @throws AssertionError when it does not exit 0 within two minutes
     */
    static String run(Path home, Path scratch, String masterPassword, String... args)
            throws IOException, InterruptedException {
        Path cli = Path.of(System.getProperty("dora.cli.home",
                "product/target/products/io.dora.cli.product/linux/gtk/x86_64/dora-cli"));
        List<String> command = new ArrayList<>(List.of(cli.resolve("dora-cli").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("DORA_CLI_CONFIGURATION", scratch.resolve("cli-configuration").toString());
        builder.environment().put("DORA_VAULT_PASSWORD", masterPassword);
        builder.environment().put("DORA_CONNECTION_PASSWORD", "");
        builder.environment().put("DORA_VMARGS", "-Duser.home=" + home);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("dora-cli " + String.join(" ", args) + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("dora-cli " + String.join(" ", args) + " exited " + process.exitValue() + ":\n"
                    + out);
        }
        return out;
    }
}
