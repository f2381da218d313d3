package io.dora.export.internal;

import java.util.List;

import io.dora.export.CsvOptions;
import io.dora.export.ExportFormat;
import io.dora.export.ExportSettings;

/**
 * The parsed command line of {@code dora cli export}.
 *
 * @param connection the saved connection's id
 * @param output     the file to write, or null for standard output
 * @param sql        the statement given with {@code --sql}, or null
 * @param file       the file holding the statement, {@code -} for standard input, or null with {@code --sql}
 */
record ExportArguments(String connection, String output, String sql, String file, ExportSettings settings) {

    static final String USAGE = """
            Usage: dora cli export --connection ID [--format csv|json|jsonl] [--output FILE]
                                   [--delimiter CHAR] [--null TEXT] [--bom] [--fetch-size N]
                                   (--sql TEXT | FILE | -)
            Runs one statement that reads on the saved connection ID and streams its result, row by row, into
            FILE (written to a temporary file and moved into place at the end, so a failure leaves no half file
            and keeps the previous one), or to standard output without --output.
              --format      csv (default: RFC 4180, header line, UTF-8), json (an array of objects) or jsonl
                            (one object per line); JSON keeps numbers, booleans and null, dates as ISO-8601,
                            binary as base64, and writes MongoDB documents as they are
              --delimiter   the CSV field separator (default ,; \\t for a tab)
              --null        what a NULL is in CSV (default: an empty field; an empty string is then "")
              --bom         start the CSV with a UTF-8 byte order mark, for Excel
              --fetch-size  rows per round trip (default 1000)
            The safety policy of the connection's environment applies: a statement that writes is refused, and
            its row limit (maxRows, 10,000 on production by default) cuts the result, which exits 1.
            The master password comes from DORA_VAULT_PASSWORD, else from the first line of standard input.
            Exit 1 when the statement is refused or the result was cut, 2 on usage errors, 3 when the query or
            the file fails (then no file is written and a previous one is kept).""";

    boolean readsStandardInput() {
        return "-".equals(file);
    }

    static ExportArguments parse(List<String> args) {
        String connection = null;
        String output = null;
        String sql = null;
        String file = null;
        ExportFormat format = ExportFormat.CSV;
        CsvOptions csv = CsvOptions.defaults();
        int fetchSize = ExportSettings.of(format).fetchSize();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--connection" -> connection = value(args, ++i, arg);
                case "--output" -> output = value(args, ++i, arg);
                case "--sql" -> sql = value(args, ++i, arg);
                case "--format" -> format = ExportFormat.parse(value(args, ++i, arg));
                case "--delimiter" -> csv = csv.withDelimiter(delimiter(value(args, ++i, arg)));
                case "--null" -> csv = csv.withNullMarker(value(args, ++i, arg));
                case "--bom" -> csv = csv.withByteOrderMark(true);
                case "--fetch-size" -> fetchSize = fetchSize(value(args, ++i, arg));
                default -> {
                    if ((arg.startsWith("--") && !arg.equals("-")) || file != null) {
                        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                    }
                    file = arg;
                }
            }
        }
        if (connection == null) {
            throw new IllegalArgumentException("--connection ID is required");
        }
        if ((sql == null) == (file == null)) {
            throw new IllegalArgumentException("give the statement with --sql TEXT, or a FILE, or - for standard input");
        }
        return new ExportArguments(connection, output, sql, file, new ExportSettings(format, csv, fetchSize));
    }

    private static char delimiter(String text) {
        String unescaped = text.equals("\\t") ? "\t" : text;
        if (unescaped.length() != 1) {
            throw new IllegalArgumentException("--delimiter takes one character, not '" + text + "'");
        }
        return unescaped.charAt(0);
    }

    private static int fetchSize(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("--fetch-size takes a number of rows, at least 1, not '" + text + "'");
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
