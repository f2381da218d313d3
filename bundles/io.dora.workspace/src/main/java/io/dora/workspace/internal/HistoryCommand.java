package io.dora.workspace.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dora.core.cli.CliCommand;
import io.dora.core.cli.CliExit;
import io.dora.core.cli.CommandContext;
import io.dora.workspace.HistoryEntry;
import io.dora.workspace.HistorySearch;
import io.dora.workspace.QueryHistory;

/** {@code dora cli history}: the workspace's query history, newest first, as a table or as JSON lines. */
@Component(service = CliCommand.class)
public final class HistoryCommand implements CliCommand {

    static final int DEFAULT_LIMIT = 50;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final QueryHistory history;
    private final ObjectMapper json = new ObjectMapper();

    @Activate
    public HistoryCommand(@Reference QueryHistory history) {
        this.history = history;
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String summary() {
        return "list the workspace's query history (search by text or connection)";
    }

    @Override
    public String usage() {
        return """
                Usage: dora cli history [--search TEXT] [--connection ID] [--limit N] [--json]
                Lists the queries run in this workspace (-data), newest first: time, connection, environment,
                duration, rows, outcome and the statement's first line.
                  --search TEXT     only statements containing TEXT (case-insensitive)
                  --connection ID   only queries on the connection with this id
                  --limit N         at most N entries (default %d, at most %d)
                  --json            one JSON object per line, with the full statement text""".formatted(DEFAULT_LIMIT,
                HistorySearch.MAX_LIMIT);
    }

    @Override
    public int run(CommandContext context) {
        HistorySearch search = HistorySearch.latest(DEFAULT_LIMIT);
        boolean asJson = false;
        Iterator<String> args = context.args().iterator();
        try {
            while (args.hasNext()) {
                String arg = args.next();
                switch (arg) {
                    case "--search" -> search = search.withText(value(args, arg));
                    case "--connection" -> search = search.withConnection(value(args, arg));
                    case "--limit" -> search = search.withLimit(Integer.parseInt(value(args, arg)));
                    case "--json" -> asJson = true;
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            context.err().println("dora: history: " + e.getMessage() + " (see dora cli help history)");
            return CliExit.USAGE;
        }
        List<HistoryEntry> entries = history.search(search);
        if (asJson) {
            entries.forEach(entry -> context.out().println(toJson(entry)));
        } else {
            printTable(context, entries);
        }
        return CliExit.OK;
    }

    private static String value(Iterator<String> args, String option) {
        if (!args.hasNext()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.next();
    }

    private String toJson(HistoryEntry entry) {
        ObjectNode node = json.createObjectNode()
                .put("id", entry.id())
                .put("query_id", entry.queryId())
                .put("started_at", entry.startedAt().toString())
                .put("connection_id", entry.connectionId())
                .put("connection_name", entry.connectionName())
                .put("environment", entry.environment())
                .put("driver", entry.driver())
                .put("duration_ms", entry.duration().toMillis())
                .put("rows", entry.rows())
                .put("outcome", entry.outcome().id())
                .put("statement", entry.statement());
        if (entry.error() != null) {
            node.put("error", entry.error());
        }
        return node.toString();
    }

    private static void printTable(CommandContext context, List<HistoryEntry> entries) {
        String format = "%-19s  %-24s  %-11s  %9s  %9s  %-9s  %s%n";
        context.out().printf(format, "TIME", "CONNECTION", "ENVIRONMENT", "MS", "ROWS", "OUTCOME", "STATEMENT");
        for (HistoryEntry entry : entries) {
            context.out().printf(format, TIME.format(entry.startedAt()), entry.connectionName(),
                    entry.environment(), entry.duration().toMillis(), entry.rows(), entry.outcome().id(),
                    entry.firstLine());
        }
    }
}
