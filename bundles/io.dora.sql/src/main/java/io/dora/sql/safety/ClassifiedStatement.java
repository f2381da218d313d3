package io.dora.sql.safety;

import io.dora.sql.script.StatementSpan;

/** A statement of a script and what it does. */
public record ClassifiedStatement(StatementSpan span, Classification classification) {
}
