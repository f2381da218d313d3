package io.dora.ui.sql.internal.session;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an editor's script and results were laid out: the sash weights between script and results, the result
 * tab shown and the script's first visible line. Stored in the session as {@code sash=45,55;tab=Messages;top=0};
 * a value that cannot be read (an older or damaged session) falls back to the default, so a layout never costs
 * the user their script.
 *
 * @param sashWeights  the weights of script and results, both positive; kept as per-mille of their sum, which is
 *                     what SWT's {@code SashForm.getWeights} gives back after {@code setWeights}, so a layout
 *                     reads back unchanged after a restart
 * @param selectedTab  the title of the result tab shown (e.g. {@code Messages}, {@code Result 2})
 * @param topLine      the script's first visible line, 0 or more
 */
public record ResultLayout(int[] sashWeights, String selectedTab, int topLine) {

    public static final String MESSAGES_TAB = "Messages";
    private static final int[] DEFAULT_WEIGHTS = { 450, 550 };
    public static final ResultLayout DEFAULT = new ResultLayout(DEFAULT_WEIGHTS, MESSAGES_TAB, 0);

    public ResultLayout {
        sashWeights = validWeights(sashWeights) ? perMille(sashWeights) : DEFAULT_WEIGHTS.clone();
        selectedTab = selectedTab == null || selectedTab.isBlank() ? MESSAGES_TAB : selectedTab;
        topLine = Math.max(0, topLine);
    }

    @Override
    public int[] sashWeights() {
        return sashWeights.clone();
    }

    public String format() {
        return "sash=" + sashWeights[0] + "," + sashWeights[1] + ";tab="
                + URLEncoder.encode(selectedTab, StandardCharsets.UTF_8) + ";top=" + topLine;
    }

    /** The layout a session stored; {@link #DEFAULT} (or its parts) for null and for what cannot be read. */
    public static ResultLayout parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return DEFAULT;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : stored.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        return new ResultLayout(weights(values.get("sash")), tab(values.get("tab")), integer(values.get("top"), 0));
    }

    private static int[] weights(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 2) {
            return null;
        }
        return new int[] { integer(parts[0], -1), integer(parts[1], -1) };
    }

    private static String tab(String text) {
        if (text == null) {
            return null;
        }
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int integer(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int[] perMille(int[] weights) {
        long sum = (long) weights[0] + weights[1];
        int first = (int) Math.min(999, Math.max(1, Math.round(weights[0] * 1000.0 / sum)));
        return new int[] { first, 1000 - first };
    }

    private static boolean validWeights(int[] weights) {
        return weights != null && weights.length == 2 && weights[0] > 0 && weights[1] > 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResultLayout layout && Arrays.equals(sashWeights, layout.sashWeights)
                && selectedTab.equals(layout.selectedTab) && topLine == layout.topLine;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(sashWeights) + selectedTab.hashCode()) + topLine;
    }

    @Override
    public String toString() {
        return format();
    }
}
