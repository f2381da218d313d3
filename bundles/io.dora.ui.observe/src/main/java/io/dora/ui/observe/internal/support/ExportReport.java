package io.dora.ui.observe.internal.support;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The texts the user reads after an export; no SWT, so they are unit-tested. */
public final class ExportReport {

    private ExportReport() {
    }

    static String done(Path zip, long bytes, List<String> entries) {
        long logs = entries.stream().filter(entry -> entry.startsWith("logs/") && !entry.endsWith("/")).count();
        return "The logs for support are in\n\n" + zip + "\n\n" + size(bytes) + ", " + entries.size()
                + " entries (" + logs + (logs == 1 ? " log file" : " log files")
                + ", configuration with secrets masked, installed plugins, system facts, metrics).\n"
                + "Look it over before you send it: it contains the query texts your log level and"
                + " query text setting let through.";
    }

    static String failed(Path zip, Exception e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "You may not write to " + e.getMessage() + ".";
        } else if (e instanceof NoSuchFileException) {
            reason = "There is no such folder: " + e.getMessage() + ".";
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "Could not write " + zip + ":\n" + reason + "\n\nChoose another place and try again; the details"
                + " are in Dora's log.";
    }

    /** "512 bytes", "1.5 KB", "12.3 MB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        String[] units = { "KB", "MB", "GB" };
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
