package io.dora.sql.safety;

import io.dora.sql.mongo.MongoClassifier;
import io.dora.sql.script.SqlDialect;

/** Classifies a statement by a driver's dialect id ({@code DriverInfo#dialect()}), SQL or MongoDB. */
public final class DialectClassifier {

    private DialectClassifier() {
    }

    /** SQL by its dialect, MongoDB commands by theirs; any other language is unknown, hence a write (fail closed). */
    public static Classification classify(String dialect, String statement) {
        if ("mongo".equals(dialect)) {
            return new MongoClassifier().classifyCommand(statement);
        }
        SqlDialect sqlDialect;
        try {
            sqlDialect = SqlDialect.parse(dialect);
        } catch (IllegalArgumentException e) {
            return Classification.unknown();
        }
        return new SqlClassifier(sqlDialect).classify(statement);
    }
}
