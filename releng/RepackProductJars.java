import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the bundle jars of a materialized product for a faster start; run by the product build after
 * materialize-products: {@code java RepackProductJars.java PRODUCTS_DIR}.
 * <ul>
 * <li>Class files are stored, not deflated. Equinox reads the bytes of every class it loads, even one the JVM then
 * takes from the class-data sharing archive (the archive matches a custom loader's class by its bytes), so each
 * start inflated about 8,000 class files, a fifth of the main thread's class loading: about 0.1 s to the workbench
 * window on 2 cores, for about 56 MB more on disk. Resources, native libraries and ICU's data stay deflated: the
 * start reads few of them.</li>
 * <li>The two jars that the JVM itself loads, the Equinox launcher (on the class path) and the framework (loaded by
 * the launcher's URLClassLoader), lose their signature files. The JVM verifies a signed jar's entries as it loads
 * them, and its class-data sharing archive leaves out every class of a signed jar: about 0.4 s at each start.
 * Every other bundle is loaded by Equinox, which checks no signatures in these products, and keeps them: an entry's
 * digest is of its content, which storing does not change.</li>
 * </ul>
 * The product's artifacts.xml gets the new sizes.
 */
public final class RepackProductJars {

    private static final List<String> CLASS_PATH_BUNDLES = List.of("org.eclipse.equinox.launcher", "org.eclipse.osgi");
    private static final Pattern BUNDLE_JAR = Pattern.compile("(.+?)_(\\d+\\.\\d+\\.\\d+.*)\\.jar");
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
            Path artifacts = plugins.resolveSibling("artifacts.xml");
            String xml = Files.exists(artifacts) ? Files.readString(artifacts) : null;
            int unsigned = 0;
            for (Path jar : jars) {
                if (repack(jar, isClassPathBundle(jar))) {
                    unsigned++;
                }
                if (xml != null) {
                    xml = withSize(xml, jar);
                }
            }
            if (xml != null) {
                Files.writeString(artifacts, xml);
            }
            System.out.println("repacked " + jars.size() + " jars (class files stored, " + unsigned + " unsigned) in "
                    + products.relativize(plugins));
        }
    }

    private static boolean isClassPathBundle(Path jar) {
        String name = jar.getFileName().toString();
        return CLASS_PATH_BUNDLES.stream().anyMatch(bundle -> name.startsWith(bundle + "_"));
    }

    /**
     * Rewrites the jar with its class files stored and, when {@code unsign}, without its signature files; true when
     * signature files were removed. Entries keep their order (the manifest first) and times.
     */
    private static boolean repack(Path jar, boolean unsign) throws IOException {
        Path copy = jar.resolveSibling(jar.getFileName() + ".repacked");
        boolean removedSignature = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                if (unsign && SIGNATURE_FILE.matcher(entry.getName()).matches()) {
                    removedSignature = true;
                    continue;
                }
                byte[] content = in.readAllBytes();
                ZipEntry kept = new ZipEntry(entry.getName());
                kept.setTime(entry.getTime());
                if (entry.getName().endsWith(".class")) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    kept.setMethod(ZipEntry.STORED);
                    kept.setSize(content.length);
                    kept.setCompressedSize(content.length);
                    kept.setCrc(crc.getValue());
                }
                out.putNextEntry(kept);
                out.write(content);
                out.closeEntry();
            }
        }
        Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING);
        return removedSignature;
    }

    /** artifacts.xml with the jar's download.size, for a jar named {@code <bsn>_<version>.jar}. */
    private static String withSize(String xml, Path jar) throws IOException {
        Matcher name = BUNDLE_JAR.matcher(jar.getFileName().toString());
        if (!name.matches()) {
            return xml;
        }
        String bundle = name.group(1);
        String version = name.group(2);
        Pattern entry = Pattern.compile("(<artifact classifier='osgi\\.bundle' id='" + Pattern.quote(bundle)
                + "' version='" + Pattern.quote(version) + "'>\\s*<properties[^>]*>\\s*<property name='download\\.size'"
                + " value=')(\\d+)(')");
        Matcher matcher = entry.matcher(xml);
        return matcher.find() ? matcher.replaceFirst("$1" + Files.size(jar) + "$3") : xml;
    }

    private RepackProductJars() {
    }
}
