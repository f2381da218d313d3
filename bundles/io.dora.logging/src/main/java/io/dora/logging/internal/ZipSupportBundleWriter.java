package io.dora.logging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.observe.RunIdentity;
import io.dora.core.plugins.PluginInfo;
import io.dora.core.plugins.PluginInventory;
import io.dora.logging.LoggingService;
import io.dora.logging.metrics.MetricsService;
import io.dora.logging.support.SupportBundleWriter;
import io.dora.sql.policy.PolicyLoader;

/**
 * The support zip. Every text that goes in passes the {@link SecretScrubber}; rotated logs are unpacked so
 * they can be scrubbed too. The vault and the connection definitions are never included.
 */
@Component(service = SupportBundleWriter.class)
public final class ZipSupportBundleWriter implements SupportBundleWriter {

    /** The newest logs up to this size (before compression) go in; older ones stay home. */
    static final long MAX_LOG_BYTES = 100L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ZipSupportBundleWriter.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final LoggingService logging;
    private final RunIdentity identity;
    private final PluginInventory plugins;
    private final MetricsService metrics;

    @Activate
    public ZipSupportBundleWriter(@Reference LoggingService logging, @Reference RunIdentity identity,
            @Reference PluginInventory plugins, @Reference MetricsService metrics) {
        this.logging = logging;
        this.identity = identity;
        this.plugins = plugins;
        this.metrics = metrics;
    }

    @Override
    public String suggestedFileName() {
        return "dora-support-" + identity.workspaceName().replaceAll("[^\\w.-]", "_") + "-"
                + LocalDateTime.now().format(STAMP) + ".zip";
    }

    @Override
    public List<String> write(Path zipFile) throws IOException {
        Path absolute = zipFile.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = Files.createTempFile(absolute.getParent(), ".dora-support", ".zip");
        List<String> entries = new ArrayList<>();
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temporary))) {
                text(zip, entries, "README.txt", readme());
                text(zip, entries, "system.txt", systemFacts());
                text(zip, entries, "plugins.txt", pluginList());
                text(zip, entries, "metrics.json", metrics.snapshotJson());
                file(zip, entries, "config/logback.xml", logging.configFile());
                file(zip, entries, "config/logging.properties", logging.settingsFile());
                file(zip, entries, "config/policy.json", PolicyLoader.workspacePolicyFile(identity.workspace()));
                file(zip, entries, "config/user-policy.json",
                        PolicyLoader.userPolicyFile(Path.of(System.getProperty("user.home"))));
                logs(zip, entries);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        LOG.info("Support bundle written to {} ({} entries)", absolute, entries.size());
        return entries;
    }

    private void logs(ZipOutputStream zip, List<String> entries) throws IOException {
        if (!Files.isDirectory(logging.logDirectory())) {
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(logging.logDirectory())) {
            files = listing.filter(Files::isRegularFile).sorted(newestFirst()).toList();
        }
        long budget = MAX_LOG_BYTES;
        for (Path log : files) {
            String name = log.getFileName().toString();
            boolean packed = name.endsWith(".gz");
            String content;
            try (InputStream in = packed ? new GZIPInputStream(Files.newInputStream(log)) : Files.newInputStream(log)) {
                content = new String(in.readNBytes((int) Math.min(budget, MAX_LOG_BYTES)), StandardCharsets.UTF_8);
            }
            text(zip, entries, "logs/" + (packed ? name.substring(0, name.length() - 3) : name), SecretScrubber.scrub(content));
            budget -= content.length();
            if (budget <= 0) {
                break;
            }
        }
    }

    private static Comparator<Path> newestFirst() {
        return Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p).toMillis();
            } catch (IOException e) {
                return 0L;
            }
        }).reversed();
    }

    private static void file(ZipOutputStream zip, List<String> entries, String name, Path source) throws IOException {
        if (Files.isRegularFile(source)) {
            text(zip, entries, name, SecretScrubber.scrub(Files.readString(source, StandardCharsets.UTF_8)));
        }
    }

    private static void text(ZipOutputStream zip, List<String> entries, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        entries.add(name);
    }

    private String readme() {
        return """
                Dora support bundle

                logs/           the workspace's logs (JSON lines, newest first up to %d MB), secrets masked
                config/         logback.xml, logging.properties and the SQL policy files, secrets masked
                plugins.txt     the installed plugins (OSGi bundles): symbolic name, version, state
                system.txt      Dora, Java and operating system facts
                metrics.json    query and pool metrics of this run

                Not included: the vault, connection definitions, query results.
                """.formatted(MAX_LOG_BYTES / 1024 / 1024);
    }

    private String pluginList() {
        StringBuilder list = new StringBuilder();
        for (PluginInfo plugin : plugins.plugins()) {
            list.append(String.format(Locale.ROOT, "%-55s %-28s %s%n", plugin.symbolicName(), plugin.version(),
                    plugin.fragment() ? "Fragment" : plugin.state().label()));
        }
        return list.toString();
    }

    private String systemFacts() {
        Runtime runtime = Runtime.getRuntime();
        StringBuilder facts = new StringBuilder();
        fact(facts, "dora.session", identity.sessionId());
        fact(facts, "dora.workspace", identity.workspaceName());
        fact(facts, "dora.product", System.getProperty("eclipse.product", ""));
        for (String property : List.of("java.version", "java.vendor", "java.vm.name", "java.vm.version",
                "java.runtime.version", "os.name", "os.version", "os.arch", "file.encoding", "user.language",
                "user.country", "osgi.framework.version", "osgi.ws", "osgi.nl")) {
            fact(facts, property, System.getProperty(property, ""));
        }
        fact(facts, "charset.default", Charset.defaultCharset().name());
        fact(facts, "timezone", ZoneId.systemDefault().getId());
        fact(facts, "cpus", String.valueOf(runtime.availableProcessors()));
        fact(facts, "memory.max.mb", String.valueOf(runtime.maxMemory() / 1024 / 1024));
        fact(facts, "memory.used.mb", String.valueOf((runtime.totalMemory() - runtime.freeMemory()) / 1024 / 1024));
        fact(facts, "uptime", Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()).toString());
        fact(facts, "jvm.arguments", SecretScrubber.scrub(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())));
        return facts.toString();
    }

    private static void fact(StringBuilder facts, String key, String value) {
        facts.append(key).append(": ").append(value).append('\n');
    }
}
