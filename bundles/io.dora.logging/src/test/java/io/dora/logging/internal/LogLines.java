package io.dora.logging.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON lines of a log file, each parsed (a line that is not one JSON object fails the test). */
final class LogLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LogLines() {
    }

    static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw new AssertionError("Not a JSON object: " + line);
            }
            lines.add(node);
        }
        return lines;
    }

    static List<JsonNode> withMessage(Path file, String text) throws IOException {
        return read(file).stream().filter(n -> n.path("formattedMessage").asText().contains(text)).toList();
    }
}
