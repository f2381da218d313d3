package io.dora.logging.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dora.core.driver.ConnectionService;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.PoolStats;
import io.dora.core.observe.QueryEnd;
import io.dora.core.observe.QueryEvent;
import io.dora.core.observe.QueryListener;
import io.dora.logging.metrics.MetricsService;
import io.dora.logging.metrics.MetricsSnapshot;
import io.dora.logging.metrics.PoolMetrics;
import io.dora.logging.metrics.QueryMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Query metrics from the query manager's events and pool gauges over the open connections, in a Micrometer
 * registry of its own: {@code dora.query.duration} (timer with a fixed-bucket histogram) and
 * {@code dora.query.outcomes} (counter by outcome), tagged by connection and driver; {@code dora.pool.*}
 * gauges. Fixed buckets rather than client-side percentiles, which would need HdrHistogram at run time.
 */
@Component(service = { MetricsService.class, QueryListener.class })
public final class MicrometerMetricsService implements MetricsService, QueryListener {

    static final String QUERY_TIMER = "dora.query.duration";
    static final String QUERY_OUTCOMES = "dora.query.outcomes";
    static final String POOL_PREFIX = "dora.pool.";

    private static final Duration[] BUCKETS = Set.of(1L, 5L, 10L, 25L, 50L, 100L, 250L, 500L, 1_000L, 2_500L,
            5_000L, 10_000L, 30_000L, 60_000L, 300_000L).stream().sorted().map(Duration::ofMillis)
            .toArray(Duration[]::new);
    private static final Map<String, ToDoubleFunction<PoolStats>> POOL_GAUGES = Map.of(
            "active", PoolStats::active, "idle", PoolStats::idle, "waiting", PoolStats::waiting,
            "total", PoolStats::total, "maximum", PoolStats::maximum);

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final ConnectionService connections;
    private final ObjectMapper json = new ObjectMapper();

    @Activate
    public MicrometerMetricsService(@Reference ConnectionService connections) {
        this.connections = connections;
    }

    @Override
    public void queryStarted(QueryEvent query) {
        // counted when it ends, with its outcome
    }

    @Override
    public void queryEnded(QueryEvent query, QueryEnd end) {
        Tags tags = Tags.of("connection", query.spec().id(), "driver", query.driver().id());
        Timer.builder(QUERY_TIMER).description("Duration of queries (whole requests)").tags(tags)
                .serviceLevelObjectives(BUCKETS).register(registry).record(end.elapsed());
        Counter.builder(QUERY_OUTCOMES).description("Queries by outcome").tags(tags.and("outcome", end.outcome().id()))
                .register(registry).increment();
    }

    @Override
    public MetricsSnapshot snapshot() {
        List<QueryMetrics> queries = new ArrayList<>();
        for (Timer timer : registry.find(QUERY_TIMER).timers()) {
            String connection = timer.getId().getTag("connection");
            String driver = timer.getId().getTag("driver");
            HistogramSnapshot histogram = timer.takeSnapshot();
            Map<Double, Long> buckets = new TreeMap<>();
            for (CountAtBucket bucket : histogram.histogramCounts()) {
                buckets.put(bucket.bucket(TimeUnit.MILLISECONDS), (long) bucket.count());
            }
            queries.add(new QueryMetrics(connection, driver, histogram.count(),
                    outcomes(connection, driver, QueryEnd.Outcome.FAILED),
                    outcomes(connection, driver, QueryEnd.Outcome.CANCELLED),
                    outcomes(connection, driver, QueryEnd.Outcome.TIMEOUT),
                    histogram.total(TimeUnit.MILLISECONDS), histogram.max(TimeUnit.MILLISECONDS), buckets));
        }
        return new MetricsSnapshot(Instant.now(), queries, pools());
    }

    private long outcomes(String connection, String driver, QueryEnd.Outcome outcome) {
        Counter counter = registry.find(QUERY_OUTCOMES).tags("connection", connection, "driver", driver,
                "outcome", outcome.id()).counter();
        return counter == null ? 0 : (long) counter.count();
    }

    /** Gauges for the pools open now (registered on first sight, dropped once their connection closed). */
    private List<PoolMetrics> pools() {
        List<DatabaseConnection> open = connections.openConnections();
        Set<String> openIds = open.stream().map(c -> c.spec().id()).collect(Collectors.toSet());
        for (Meter meter : registry.getMeters()) {
            if (meter.getId().getName().startsWith(POOL_PREFIX) && !openIds.contains(meter.getId().getTag("connection"))) {
                registry.remove(meter);
            }
        }
        List<PoolMetrics> pools = new ArrayList<>();
        for (DatabaseConnection connection : open) {
            String id = connection.spec().id();
            if (connection.poolStats().isEmpty()) {
                continue;
            }
            Tags tags = Tags.of("connection", id, "driver", connection.driverInfo().id());
            Map<String, Integer> values = new TreeMap<>();
            POOL_GAUGES.forEach((name, value) -> {
                Gauge gauge = registry.find(POOL_PREFIX + name).tags(tags).gauge();
                if (gauge == null) {
                    // read through the id, so a connection reopened under the same id is followed
                    gauge = Gauge.builder(POOL_PREFIX + name, () -> poolStats(id).map(value::applyAsDouble).orElse(Double.NaN))
                            .tags(tags).register(registry);
                }
                values.put(name, (int) gauge.value());
            });
            pools.add(new PoolMetrics(id, connection.driverInfo().id(), values.get("active"), values.get("idle"),
                    values.get("waiting"), values.get("total"), values.get("maximum")));
        }
        return pools;
    }

    private Optional<PoolStats> poolStats(String connectionId) {
        return connections.openConnections().stream().filter(c -> c.spec().id().equals(connectionId)).findFirst()
                .flatMap(DatabaseConnection::poolStats);
    }

    @Override
    public String snapshotJson() {
        MetricsSnapshot snapshot = snapshot();
        ObjectNode root = json.createObjectNode();
        root.put("takenAt", snapshot.takenAt().toString());
        var queries = root.putArray("queries");
        for (QueryMetrics query : snapshot.queries()) {
            ObjectNode node = queries.addObject();
            node.put("connection", query.connectionId());
            node.put("driver", query.driver());
            node.put("count", query.count());
            node.put("errors", query.errors());
            node.put("cancellations", query.cancellations());
            node.put("timeouts", query.timeouts());
            node.put("totalMillis", query.totalMillis());
            node.put("meanMillis", query.meanMillis());
            node.put("maxMillis", query.maxMillis());
            ObjectNode histogram = node.putObject("histogramMillis");
            new TreeMap<>(query.histogram()).forEach((bound, count) -> histogram.put(format(bound), count));
        }
        var pools = root.putArray("pools");
        for (PoolMetrics pool : snapshot.pools()) {
            pools.add(json.valueToTree(pool));
        }
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Metrics cannot be written as JSON", e);
        }
    }

    /** "le_250" for a bucket of at most 250 ms. */
    private static String format(double bound) {
        return "le_" + (bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound));
    }
}
