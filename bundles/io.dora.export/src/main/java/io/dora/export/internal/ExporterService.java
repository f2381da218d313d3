package io.dora.export.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.dora.core.driver.Session;
import io.dora.core.error.InvalidInputException;
import io.dora.core.error.PolicyViolationException;
import io.dora.core.query.QueryManager;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.RunningQuery;
import io.dora.core.query.StatementOptions;
import io.dora.export.ExportSettings;
import io.dora.export.ResultExporter;
import io.dora.export.RunningExport;
import io.dora.sql.safety.Classification;
import io.dora.sql.safety.DialectClassifier;
import io.dora.sql.script.ScriptSplitter;
import io.dora.sql.script.SqlDialect;
import io.dora.sql.script.StatementSpan;

/** The {@link ResultExporter}: the statement runs through the query manager into a {@link FileResultSink}. */
@Component(service = ResultExporter.class)
public final class ExporterService implements ResultExporter {

    /** The rule id of a statement refused because it writes. */
    static final String READS_ONLY_RULE = "export-reads-only";

    private final QueryManager queries;

    @Activate
    public ExporterService(@Reference QueryManager queries) {
        this.queries = queries;
    }

    @Override
    public RunningExport start(Session session, String statement, Path target, ExportSettings settings) {
        String single = readingStatement(session.connection().driverInfo().dialect(), statement);
        return start(session, single, TargetFile.create(target), settings);
    }

    /** Starts an export of a statement that passed {@link #readingStatement}. */
    RunningExport start(Session session, String statement, Destination destination, ExportSettings settings) {
        long started = System.nanoTime();
        FileResultSink sink;
        CountingOutputStream counter;
        try {
            counter = new CountingOutputStream(destination.open());
            sink = FileResultSink.open(settings.format(), settings.csv(), counter);
        } catch (IOException e) {
            destination.discard();
            throw new InvalidInputException(List.of("Cannot write " + destination.describe() + ": " + e.getMessage()));
        }
        // no row limit of our own: the whole result is the point (the policy's limit still applies)
        QueryRequest request = QueryRequest.of(statement).withOptions(new StatementOptions(settings.fetchSize(), 0));
        RunningQuery query;
        try {
            query = queries.submit(session, request, sink);
        } catch (RuntimeException e) {
            try {
                sink.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            destination.discard();
            throw e;
        }
        return new ExportRun(query, sink, counter, destination, started);
    }

    /**
     * The one statement of the text, refused when the classifier says it writes: an export re-runs a statement,
     * and re-running a write to get a file would be a surprise.
     *
     * @throws InvalidInputException     for no statement, or several
     * @throws PolicyViolationException for one that writes
     */
    static String readingStatement(String dialect, String text) {
        List<String> statements = split(dialect, text);
        if (statements.size() != 1) {
            throw new InvalidInputException(List.of(statements.isEmpty() ? "There is no statement to export"
                    : "An export runs one statement; the text holds " + statements.size()));
        }
        String statement = statements.get(0);
        Classification classification = DialectClassifier.classify(dialect, statement);
        if (classification.category().isWrite()) {
            throw new PolicyViolationException("An export runs only statements that read; this one is classified "
                    + classification.category() + " and was not run", List.of(READS_ONLY_RULE));
        }
        return statement;
    }

    /** By the dialect's splitting rules; a language the splitter does not know (MongoDB) is one statement. */
    private static List<String> split(String dialect, String text) {
        SqlDialect sqlDialect;
        try {
            sqlDialect = SqlDialect.parse(dialect);
        } catch (IllegalArgumentException e) {
            return text.isBlank() ? List.of() : List.of(text.strip());
        }
        return new ScriptSplitter(sqlDialect).split(text).stream().map(StatementSpan::text).toList();
    }
}
