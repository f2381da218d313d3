package io.dora.ui.observe.internal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ExportReportTest {

    @Test
    void theDoneMessageSaysWhereHowBigAndWhatIsInside() {
        Path zip = Path.of("support", "dora-support.zip").toAbsolutePath();
        String message = ExportReport.done(zip, 1_572_864, List.of("logs/dora.log", "logs/dora-2026-11-22.0.log",
                "config/logback.xml", "plugins.txt", "system.txt", "metrics.json"));
        assertTrue(message.contains(zip.toString()), message);
        assertTrue(message.contains("1.5 MB, 6 entries (2 log files"), message);
    }

    @Test
    void aFailureNamesTheFileAndTheReason() {
        Path zip = Path.of("locked", "x.zip").toAbsolutePath();
        String message = ExportReport.failed(zip, new AccessDeniedException(zip.toString()));
        assertTrue(message.startsWith("Could not write " + zip), message);
        assertTrue(message.contains("You may not write to " + zip), message);
    }

    @Test
    void sizesReadLikeAFileManagerShowsThem() {
        assertEquals("512 bytes", ExportReport.size(512));
        assertEquals("1.0 KB", ExportReport.size(1024));
        assertEquals("12.3 MB", ExportReport.size(12_900_000));
        assertEquals("2.0 GB", ExportReport.size(2L << 30));
    }
}
