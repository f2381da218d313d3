package io.dora.sql.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.dora.sql.script.SqlDialect;

/** Runs the statement table in {@code statements.tsv}: dialect, expected category, expected rules, SQL. */
class ClassificationTableTest {

    static Stream<Arguments> statements() throws IOException {
        return table().stream().map(columns -> Arguments.of(columns[0], columns[1], columns[2], columns[3]));
    }

    private static List<String[]> table() throws IOException {
        try (InputStream in = ClassificationTableTest.class.getResourceAsStream("/io/dora/sql/statements.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", 4))
                    .toList();
        }
    }

    @ParameterizedTest(name = "[{index}] {0} {3}")
    @MethodSource("statements")
    void classifies(String dialect, String category, String rules, String sql) {
        Classification classification = new SqlClassifier(SqlDialect.parse(dialect)).classify(sql);

        List<String> expectedRules = rules.equals("-") ? List.of() : Arrays.asList(rules.split(","));
        List<String> actualRules = classification.rules().stream().map(DangerousRule::id).toList();
        assertEquals(category + " " + expectedRules, classification.category() + " " + actualRules, sql);
    }

    @Test
    void tableCoversEveryDialectAndCategoryWithAtLeastThreeHundredStatements() throws IOException {
        List<String[]> table = table();
        assertTrue(table.size() >= 300, "statements: " + table.size());
        for (SqlDialect dialect : SqlDialect.values()) {
            assertTrue(table.stream().anyMatch(row -> row[0].equals(dialect.id())), dialect.id());
        }
        for (StatementCategory category : StatementCategory.values()) {
            assertTrue(table.stream().anyMatch(row -> row[1].equals(category.name())), category.name());
        }
    }
}
