package io.dora.core.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.dora.core.connection.ConnectionCatalog;
import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.EndpointKind;
import io.dora.core.connection.Environment;
import io.dora.core.driver.CancelSupport;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Driver;
import io.dora.core.driver.DriverCapabilities;
import io.dora.core.driver.DriverInfo;
import io.dora.core.driver.DriverListener;
import io.dora.core.driver.ServerInfo;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.error.InvalidInputException;
import io.dora.core.schema.SchemaModel;

class DriverRegistryServiceTest {

    private final DriverRegistryService registry = new DriverRegistryService(false);
    private final FakeDriver fake = new FakeDriver();

    private void save(ConnectionSpec... specs) {
        registry.addCatalog(ConnectionCatalog.of(Stream.of(specs).map(spec -> new ConnectionProfile("", spec)).toList()));
    }

    @Test
    void rejectsBadSpecsBeforeTheDriverIsCalled() {
        registry.addDriver(fake);
        save(ConnectionSpec.builder("unknown", "oracle").host("h").build(), ConnectionSpec.builder("no-host", "fake").build());
        var error = assertThrows(InvalidInputException.class, () -> registry.connectById("unknown"));
        assertEquals(List.of("Unknown driver 'oracle': installed drivers are fake"), error.problems());
        assertThrows(InvalidInputException.class, () -> registry.connectById("no-host"));
        var driverSpecific = ConnectionSpec.builder("c", "fake").host("h").database("forbidden").build();
        assertEquals(List.of("fake refuses this database"), registry.validate(driverSpecific));
        assertEquals(0, fake.connects);
    }

    @Test
    void aDriverThatGoesAwayClosesItsConnectionsFirst() {
        List<String> events = new ArrayList<>();
        registry.addListener(new DriverListener() {
            @Override
            public void driverAdded(DriverInfo driver) {
                events.add("added " + driver.id());
            }

            @Override
            public void driverRemoved(DriverInfo driver) {
                events.add("removed " + driver.id() + " open=" + registry.openConnections().size());
            }
        });
        registry.addDriver(fake);
        save(ConnectionSpec.builder("c", "fake").host("h").build());
        DatabaseConnection connection = registry.connectById("c");
        assertEquals(List.of(connection), registry.openConnections());

        registry.removeDriver(fake);
        assertTrue(connection.isClosed());
        assertTrue(registry.driver("fake").isEmpty());
        assertEquals(List.of("added fake", "removed fake open=0"), events);
    }

    @Test
    void forgetsConnectionsTheUserClosed() {
        registry.addDriver(fake);
        save(ConnectionSpec.builder("c", "fake").host("h").build());
        registry.connectById("c").close();
        assertEquals(List.of(), registry.openConnections());
    }

    @Test
    void aBrokenDriverFailsItsCallerWithATypedError() {
        registry.addDriver(new FakeDriver() {
            @Override
            public DatabaseConnection connect(ConnectionSpec spec) {
                throw new IllegalStateException("bug");
            }
        });
        save(ConnectionSpec.builder("c", "fake").host("h").build());
        var error = assertThrows(DoraException.class, () -> registry.connectById("c"));
        assertEquals(ErrorKind.INTERNAL, error.kind());
        assertEquals("The driver 'fake' failed: IllegalStateException", error.getMessage());
    }

    @Test
    void connectByIdTakesEnvironmentAndReadOnlyFromTheCatalogEveryTime() {
        registry.addDriver(fake);
        Map<String, ConnectionProfile> vault = new HashMap<>();
        vault.put("prod", new ConnectionProfile("Billing", ConnectionSpec.builder("prod", "fake").host("h")
                .environment(Environment.PRODUCTION).readOnly(true).build()));
        registry.addCatalog(new ConnectionCatalog() {
            @Override
            public Optional<ConnectionProfile> find(String connectionId) {
                return Optional.ofNullable(vault.get(connectionId));
            }

            @Override
            public List<ConnectionProfile> list() {
                return List.copyOf(vault.values());
            }
        });
        DatabaseConnection first = registry.connectById("prod");
        assertEquals(Environment.PRODUCTION, first.spec().environment());
        assertTrue(first.spec().readOnly());

        // the vault changed: the next open sees it, with no cache in between
        vault.put("prod", new ConnectionProfile("Billing", vault.get("prod").spec().toBuilder().readOnly(false).build()));
        assertFalse(registry.connectById("prod").spec().readOnly());
        var unknown = assertThrows(InvalidInputException.class, () -> registry.connectById("nope"));
        assertEquals(List.of("No saved connection 'nope'"), unknown.problems());
    }

    @Test
    void rawSpecsAreRefusedUnlessTheDevelopmentSwitchIsOn() {
        registry.addDriver(fake);
        var spec = ConnectionSpec.builder("c", "fake").host("h").environment(Environment.DEVELOPMENT).build();
        var refused = assertThrows(DoraException.class, () -> registry.connect(spec));
        assertEquals(ErrorKind.UNSUPPORTED, refused.kind());
        assertTrue(refused.getMessage().contains("-Ddora.dev.rawConnect=true"), refused.getMessage());
        assertEquals(0, fake.connects, "refused before the driver was called");

        DriverRegistryService development = new DriverRegistryService(true);
        development.addDriver(fake);
        assertFalse(development.connect(spec).isClosed());
    }

    @Test
    void builtInConnectionsConnectByIdWithoutACatalog() {
        registry.addDriver(fake);
        registry.addBuiltIns(() -> List.of(ConnectionSpec.builder("sample", "fake").host("h").build()));
        assertEquals("sample", registry.connectById("sample").spec().id());
        var error = assertThrows(InvalidInputException.class, () -> registry.connectById("other"));
        assertTrue(error.getMessage().contains("no connection catalog (the vault) is installed"), error.getMessage());
    }

    @Test
    void aBrokenCatalogOrBuiltInProviderFailsClosedWithATypedError() {
        registry.addDriver(fake);
        registry.addBuiltIns(() -> {
            throw new IllegalStateException("plugin bug");
        });
        registry.addCatalog(new ConnectionCatalog() {
            @Override
            public Optional<ConnectionProfile> find(String connectionId) {
                throw new IllegalStateException("catalog bug");
            }

            @Override
            public List<ConnectionProfile> list() {
                return List.of();
            }
        });
        var error = assertThrows(DoraException.class, () -> registry.connectById("c"));
        assertEquals(ErrorKind.INTERNAL, error.kind());
        assertEquals("The connection catalog failed to read 'c'", error.getMessage());
        assertEquals(0, fake.connects);
    }

    private static class FakeDriver implements Driver {
        int connects;

        @Override
        public DriverInfo info() {
            return new DriverInfo("fake", "Fake", EndpointKind.SERVER, 1, "sql");
        }

        @Override
        public DriverCapabilities capabilities() {
            return DriverCapabilities.of(CancelSupport.NONE);
        }

        @Override
        public List<String> validate(ConnectionSpec spec) {
            return spec.database().equals("forbidden") ? List.of("fake refuses this database") : List.of();
        }

        @Override
        public DatabaseConnection connect(ConnectionSpec spec) {
            connects++;
            return new FakeConnection(spec, this);
        }
    }

    private static final class FakeConnection implements DatabaseConnection {
        private final ConnectionSpec spec;
        private final FakeDriver driver;
        private boolean closed;

        FakeConnection(ConnectionSpec spec, FakeDriver driver) {
            this.spec = spec;
            this.driver = driver;
        }

        @Override
        public ConnectionSpec spec() {
            return spec;
        }

        @Override
        public DriverInfo driverInfo() {
            return driver.info();
        }

        @Override
        public DriverCapabilities capabilities() {
            return driver.capabilities();
        }

        @Override
        public ServerInfo serverInfo() {
            return new ServerInfo("Fake", "1.0", 1, 0);
        }

        @Override
        public Session openSession() {
            throw new UnsupportedOperationException();
        }

        @Override
        public SchemaModel schema() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
