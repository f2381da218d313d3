package io.dora.core.query;

/** Identifies one execution (a statement or a whole script) for as long as the query manager knows it. */
public record QueryId(long value) {

    @Override
    public String toString() {
        return "q" + value;
    }
}
