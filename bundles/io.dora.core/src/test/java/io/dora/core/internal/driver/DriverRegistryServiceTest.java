package io.dora.core.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.EndpointKind;
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

    private final DriverRegistryService registry = new DriverRegistryService();
    private final FakeDriver fake = new FakeDriver();

    @Test
    void rejectsBadSpecsBeforeTheDriverIsCalled() {
        registry.addDriver(fake);
        var unknown = ConnectionSpec.builder("c", "oracle").host("h").build();
        var error = assertThrows(InvalidInputException.class, () -> registry.connect(unknown));
        assertEquals(List.of("Unknown driver 'oracle': installed drivers are fake"), error.problems());
        var noHost = ConnectionSpec.builder("c", "fake").build();
        assertThrows(InvalidInputException.class, () -> registry.connect(noHost));
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
        DatabaseConnection connection = registry.connect(ConnectionSpec.builder("c", "fake").host("h").build());
        assertEquals(List.of(connection), registry.openConnections());

        registry.removeDriver(fake);
        assertTrue(connection.isClosed());
        assertTrue(registry.driver("fake").isEmpty());
        assertEquals(List.of("added fake", "removed fake open=0"), events);
    }

    @Test
    void forgetsConnectionsTheUserClosed() {
        registry.addDriver(fake);
        registry.connect(ConnectionSpec.builder("c", "fake").host("h").build()).close();
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
        var error = assertThrows(DoraException.class, () -> registry.connect(ConnectionSpec.builder("c", "fake").host("h").build()));
        assertEquals(ErrorKind.INTERNAL, error.kind());
        assertEquals("The driver 'fake' failed: IllegalStateException", error.getMessage());
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
