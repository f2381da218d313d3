package io.dora.export.internal;

import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;

import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.internal.driver.DriverRegistryService;
import io.dora.core.internal.query.QueryManagerService;
import io.dora.driver.sqlite.internal.SqliteDriver;

/** The real engine with the SQLite driver and its built-in sample database, made in a test's folder. */
final class SqliteEngine implements AutoCloseable {

    static final String SAMPLE_ID = "dora-sample-sqlite";

    final DriverRegistryService registry = new DriverRegistryService(true);
    final QueryManagerService queries = new QueryManagerService();
    final DatabaseConnection connection;
    final Session session;

    SqliteEngine(Path folder) {
        SqliteDriver driver = new SqliteDriver(dataArea(folder));
        registry.addDriver(driver);
        registry.addBuiltIns(driver);
        connection = registry.connectById(SAMPLE_ID);
        session = connection.openSession();
    }

    /** The one thing the driver asks of its bundle: where its private data lives. */
    private static BundleContext dataArea(Path folder) {
        return (BundleContext) Proxy.newProxyInstance(SqliteEngine.class.getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getDataFile")) {
                        return new File(folder.toFile(), (String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Override
    public void close() {
        session.close();
        connection.close();
        queries.shutdown();
    }
}
