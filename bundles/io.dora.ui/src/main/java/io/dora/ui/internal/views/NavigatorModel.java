package io.dora.ui.internal.views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.dora.core.connection.ConnectionCatalog;
import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.BuiltInConnectionProvider;
import io.dora.core.driver.ConnectionService;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.error.DoraException;
import io.dora.core.schema.SchemaModel;
import io.dora.core.schema.TableDetails;
import io.dora.ui.internal.views.NavigatorNode.ConnectionNode;
import io.dora.ui.internal.views.NavigatorNode.FolderNode;
import io.dora.ui.internal.views.NavigatorNode.SchemaNode;
import io.dora.ui.internal.views.NavigatorNode.Section;
import io.dora.ui.internal.views.NavigatorNode.SectionNode;
import io.dora.ui.internal.views.NavigatorNode.StatusNode;
import io.dora.ui.internal.views.NavigatorNode.TableNode;

/**
 * Loads the tree lazily: a node's children are fetched by a background job the first time it is expanded, so
 * the UI thread never waits on the network; the schema model caches them until an explicit refresh.
 */
final class NavigatorModel implements AutoCloseable {

    private static final StatusNode LOADING = new StatusNode("Loading\u2026", false);

    private final Supplier<ConnectionService> connectionService;
    private final Supplier<List<BuiltInConnectionProvider>> builtIns;
    private final Supplier<List<ConnectionCatalog>> catalogs;
    private final Consumer<NavigatorNode> childrenLoaded;
    private final Map<String, DatabaseConnection> open = new ConcurrentHashMap<>();
    private final Map<NavigatorNode, List<NavigatorNode>> children = new ConcurrentHashMap<>();

    NavigatorModel(Supplier<ConnectionService> connectionService,
            Supplier<List<BuiltInConnectionProvider>> builtIns, Supplier<List<ConnectionCatalog>> catalogs,
            Consumer<NavigatorNode> childrenLoaded) {
        this.connectionService = connectionService;
        this.builtIns = builtIns;
        this.catalogs = catalogs;
        this.childrenLoaded = childrenLoaded;
    }

    /** The top of the tree: the top-level folders and connections, and any catalog that cannot be listed. */
    List<NavigatorNode> roots() {
        return under("");
    }

    /** The sub-folders and connections filed directly in the folder; catalogs are local, so no job is needed. */
    private List<NavigatorNode> under(String folder) {
        List<NavigatorNode> problems = new ArrayList<>();
        List<ConnectionProfile> profiles = new ArrayList<>();
        for (BuiltInConnectionProvider provider : builtIns.get()) {
            provider.builtInConnections().forEach(spec -> profiles.add(new ConnectionProfile("", spec)));
        }
        for (ConnectionCatalog catalog : catalogs.get()) {
            try {
                profiles.addAll(catalog.list());
            } catch (DoraException e) {
                problems.add(new StatusNode(e.getMessage(), true));
            }
        }
        String prefix = folder.isEmpty() ? "" : folder + "/";
        Set<NavigatorNode> folders = new TreeSet<>(Comparator.comparing(NavigatorNode::name, String.CASE_INSENSITIVE_ORDER));
        List<NavigatorNode> connections = new ArrayList<>();
        for (ConnectionProfile profile : profiles) {
            if (profile.folder().equals(folder)) {
                connections.add(new ConnectionNode(profile.spec()));
            } else if (profile.folder().startsWith(prefix)) {
                int end = profile.folder().indexOf('/', prefix.length());
                folders.add(new FolderNode(end < 0 ? profile.folder() : profile.folder().substring(0, end)));
            }
        }
        List<NavigatorNode> nodes = new ArrayList<>(folders);
        nodes.addAll(connections);
        if (folder.isEmpty()) {
            nodes.addAll(problems);
        }
        return nodes;
    }

    boolean hasChildren(NavigatorNode node) {
        return switch (node) {
            case FolderNode folder -> true;
            case ConnectionNode connection -> true;
            case SchemaNode schema -> true;
            case TableNode table -> true;
            case SectionNode section -> !section.children().isEmpty();
            default -> false;
        };
    }

    /** The cached children, or a loading placeholder while a job fetches them. */
    List<NavigatorNode> children(NavigatorNode node) {
        if (node instanceof FolderNode folder) {
            return under(folder.path());
        }
        if (node instanceof SectionNode section) {
            return section.children(); // read with the table, so no job
        }
        List<NavigatorNode> cached = children.get(node);
        if (cached != null) {
            return cached;
        }
        children.put(node, List.of(LOADING));
        Job job = Job.create("Loading " + node.name(), (IProgressMonitor monitor) -> {
            children.put(node, load(node));
            childrenLoaded.accept(node);
            return Status.OK_STATUS;
        });
        job.setPriority(Job.SHORT);
        job.schedule();
        return List.of(LOADING);
    }

    private List<NavigatorNode> load(NavigatorNode node) {
        try {
            return switch (node) {
                case ConnectionNode connection -> schema(connection).schemas().stream()
                        .map(schema -> (NavigatorNode) new SchemaNode(connection, schema)).toList();
                case SchemaNode schema -> schema(schema.connection()).tables(schema.schema()).stream()
                        .map(table -> (NavigatorNode) new TableNode(schema.connection(), table)).toList();
                case TableNode table -> sections(table,
                        schema(table.connection()).table(table.table().ref()));
                default -> List.of();
            };
        } catch (DoraException | IllegalStateException e) {
            return List.of(new StatusNode(e.getMessage(), true));
        }
    }

    private static List<NavigatorNode> sections(TableNode table, TableDetails details) {
        return Arrays.stream(Section.values()).map(section -> (NavigatorNode) new SectionNode(table, section, details))
                .toList();
    }

    private SchemaModel schema(ConnectionNode node) {
        return connection(node.spec()).schema();
    }

    private DatabaseConnection connection(ConnectionSpec spec) {
        DatabaseConnection existing = open.get(spec.id());
        if (existing != null && !existing.isClosed()) {
            return existing;
        }
        ConnectionService service = connectionService.get();
        if (service == null) {
            throw new IllegalStateException("No connection service is installed.");
        }
        DatabaseConnection connection = service.connectById(spec.id());
        open.put(spec.id(), connection);
        return connection;
    }

    boolean isConnected(ConnectionNode node) {
        DatabaseConnection connection = open.get(node.spec().id());
        return connection != null && !connection.isClosed();
    }

    /** Forgets the cached children under the node (the whole connection for a connection node). */
    void refresh(NavigatorNode node) {
        children.remove(node);
        if (node instanceof ConnectionNode connection) {
            children.keySet().removeIf(key -> belongsTo(key, connection));
            DatabaseConnection open = this.open.get(connection.spec().id());
            if (open != null && !open.isClosed()) {
                open.schema().refresh();
            }
        } else if (node instanceof SchemaNode schema && isConnected(schema.connection())) {
            this.open.get(schema.connection().spec().id()).schema().refresh(schema.schema());
            children.keySet().removeIf(key -> key instanceof TableNode table
                    && table.table().ref().schema().equals(schema.schema()));
        } else if (node instanceof TableNode table && isConnected(table.connection())) {
            this.open.get(table.connection().spec().id()).schema().refresh(table.table().ref());
        }
    }

    /** Forgets what was read through the connection and closes it in a job (closing may wait on the network). */
    void disconnect(ConnectionNode node) {
        refresh(node);
        children.remove(node);
        DatabaseConnection connection = open.remove(node.spec().id());
        if (connection != null) {
            Job job = Job.create("Disconnecting " + node.name(), (IProgressMonitor monitor) -> {
                connection.close();
                return Status.OK_STATUS;
            });
            job.setSystem(true);
            job.schedule();
        }
    }

    private static boolean belongsTo(NavigatorNode node, ConnectionNode connection) {
        return node instanceof SchemaNode schema && schema.connection().equals(connection)
                || node instanceof TableNode table && table.connection().equals(connection);
    }

    @Override
    public void close() {
        open.values().forEach(DatabaseConnection::close);
        open.clear();
        children.clear();
    }
}
