package io.dora.driver.sqlite.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.Environment;
import io.dora.core.driver.BuiltInConnectionProvider;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Driver;
import io.dora.driver.jdbc.JdbcDriver;

/** The SQLite driver service; it also offers the built-in sample database. */
@Component(service = { Driver.class, BuiltInConnectionProvider.class }, property = Driver.ID_PROPERTY + "=sqlite")
public final class SqliteDriver extends JdbcDriver implements BuiltInConnectionProvider {

    static final String SAMPLE_ID = "dora-sample-sqlite";

    private final Path sampleFile;

    /** The sample lives in the bundle's private data area. */
    @Activate
    public SqliteDriver(BundleContext context) {
        this(context.getDataFile("sample").toPath().resolve("dora-sample.db"));
    }

    SqliteDriver(Path sampleFile) {
        super(new SqliteDialect());
        this.sampleFile = sampleFile.toAbsolutePath();
    }

    @Override
    public List<ConnectionSpec> builtInConnections() {
        return List.of(ConnectionSpec.builder(SAMPLE_ID, SqliteDialect.INFO.id()).name("Sample shop (SQLite)")
                .database(sampleFile.toString()).environment(Environment.DEVELOPMENT).build());
    }

    @Override
    public List<String> validate(ConnectionSpec spec) {
        List<String> problems = new ArrayList<>(super.validate(spec));
        Path parent = Path.of(spec.database()).toAbsolutePath().getParent();
        boolean isSample = Path.of(spec.database()).toAbsolutePath().equals(sampleFile);
        if (!isSample && (parent == null || !Files.isDirectory(parent))) {
            problems.add("The folder of the database file does not exist: " + parent);
        }
        return problems;
    }

    @Override
    public DatabaseConnection connect(ConnectionSpec spec) {
        if (Path.of(spec.database()).toAbsolutePath().equals(sampleFile)) {
            SampleDatabase.ensureCreated(sampleFile);
        }
        return super.connect(spec);
    }
}
