package io.dora.driver.mysql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;

import org.junit.jupiter.api.Test;

import io.dora.core.driver.ServerInfo;

class MySqlDialectTest {

    private static ServerInfo detect(String product, String version, int major, int minor) throws Exception {
        DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(MySqlDialectTest.class.getClassLoader(),
                new Class<?>[] { DatabaseMetaData.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getDatabaseProductName" -> product;
                    case "getDatabaseProductVersion" -> version;
                    case "getDatabaseMajorVersion" -> major;
                    case "getDatabaseMinorVersion" -> minor;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new MySqlDialect().serverInfo(metaData);
    }

    @Test
    void tellsMariaDbFromMySqlByTheVersionString() throws Exception {
        assertEquals(new ServerInfo("MariaDB", "10.11.6", 10, 11), detect("MySQL", "5.5.5-10.11.6-MariaDB-0+deb12u1", 5, 5));
        assertEquals(new ServerInfo("MariaDB", "11.4.2", 11, 4), detect("MySQL", "11.4.2-MariaDB", 11, 4));
        assertEquals(new ServerInfo("MySQL", "8.4.3", 8, 4), detect("MySQL", "8.4.3", 8, 4));
    }
}
