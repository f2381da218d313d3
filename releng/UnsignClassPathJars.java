import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Removes the signature files from the two jars of a materialized product that the JVM itself loads: the Equinox
 * launcher (on the class path) and the framework (loaded by the launcher's URLClassLoader). The JVM verifies a
 * signed jar's entries as it loads them, and its class-data sharing archive leaves out every class of a signed jar,
 * so these two signatures cost about 0.4 s at each start of the workbench. Every other bundle is loaded by
 * Equinox, which checks no signatures in these products; nothing else changes. The product's artifacts.xml gets
 * the new sizes.
 *
 * Run by the product build after materialize-products: {@code java UnsignClassPathJars.java PRODUCTS_DIR}.
 */
public final class UnsignClassPathJars {

    private static final List<String> CLASS_PATH_BUNDLES = List.of("org.eclipse.equinox.launcher", "org.eclipse.osgi");
    private static final Pattern SIGNATURE_FILE =
            Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-[^/]+", Pattern.CASE_INSENSITIVE);

    public static void main(String[] args) throws IOException {
        Path products = Path.of(args[0]);
        List<Path> pluginFolders;
        try (Stream<Path> walk = Files.walk(products, 12)) {
            pluginFolders = walk.filter(p -> p.getFileName().toString().equals("plugins") && Files.isDirectory(p))
                    .toList();
        }
        for (Path plugins : pluginFolders) {
            List<Path> jars;
            try (Stream<Path> files = Files.list(plugins)) {
                jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList();
            }
            for (Path jar : jars) {
                String bundle = classPathBundleOf(jar);
                if (bundle != null && unsign(jar)) {
                    updateSize(plugins.resolveSibling("artifacts.xml"), jar, bundle);
                    System.out.println("unsigned " + products.relativize(jar));
                }
            }
        }
    }

    /** The symbolic name of a jar named {@code <bsn>_<version>.jar} when it is one of CLASS_PATH_BUNDLES. */
    private static String classPathBundleOf(Path jar) {
        String name = jar.getFileName().toString();
        return CLASS_PATH_BUNDLES.stream().filter(bundle -> name.startsWith(bundle + "_")).findFirst().orElse(null);
    }

    /** Rewrites the jar without its signature files; false when it had none. */
    private static boolean unsign(Path jar) throws IOException {
        Path copy = jar.resolveSibling(jar.getFileName() + ".unsigned");
        boolean signed = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                if (SIGNATURE_FILE.matcher(entry.getName()).matches()) {
                    signed = true;
                    continue;
                }
                ZipEntry kept = new ZipEntry(entry.getName());
                kept.setTime(entry.getTime());
                out.putNextEntry(kept);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        if (signed) {
            Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(copy);
        }
        return signed;
    }

    private static void updateSize(Path artifacts, Path jar, String bundle) throws IOException {
        if (!Files.exists(artifacts)) {
            return;
        }
        String name = jar.getFileName().toString();
        String version = name.substring(bundle.length() + 1, name.length() - ".jar".length());
        Pattern entry = Pattern.compile("(<artifact classifier='osgi\\.bundle' id='" + Pattern.quote(bundle)
                + "' version='" + Pattern.quote(version) + "'>\\s*<properties[^>]*>\\s*<property name='download\\.size'"
                + " value=')(\\d+)(')");
        String xml = Files.readString(artifacts);
        Matcher matcher = entry.matcher(xml);
        if (matcher.find()) {
            String updated = matcher.replaceFirst("$1" + Files.size(jar) + "$3");
            Files.writeString(artifacts, updated);
        }
    }

    private UnsignClassPathJars() {
    }
}
