package io.dora.driver.jdbc;

/** Small helpers on statement text, for decisions taken before a statement runs. */
public final class SqlText {

    private SqlText() {
    }

    /** The statement without leading white space, {@code --} line comments and block comments. */
    public static String stripLeadingComments(String statement) {
        int i = 0;
        int length = statement.length();
        while (i < length) {
            char c = statement.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (statement.startsWith("--", i)) {
                int end = statement.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            } else if (statement.startsWith("/*", i)) {
                int end = statement.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else {
                break;
            }
        }
        return statement.substring(i);
    }
}
