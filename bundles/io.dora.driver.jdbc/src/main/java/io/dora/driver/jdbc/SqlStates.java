package io.dora.driver.jdbc;

import java.util.Set;

import io.dora.core.error.ErrorKind;

/** The error kind of a standard SQLSTATE (ISO/IEC 9075 classes, with the common vendor subclasses). */
public final class SqlStates {

    private static final Set<String> UNDEFINED_OBJECTS = Set.of(
            "42P01", "42703", "42883", "42704", "3F000", "3D000", "42S02", "42S22");

    private SqlStates() {
    }

    public static ErrorKind classify(String sqlState) {
        if (sqlState == null || sqlState.length() < 2) {
            return ErrorKind.SERVER;
        }
        if (UNDEFINED_OBJECTS.contains(sqlState)) {
            return ErrorKind.UNDEFINED_OBJECT;
        }
        if (sqlState.equals("42501")) {
            return ErrorKind.PERMISSION;
        }
        if (sqlState.equals("57014")) {
            return ErrorKind.CANCELLED;
        }
        if (sqlState.startsWith("HYT")) {
            return ErrorKind.TIMEOUT;
        }
        return switch (sqlState.substring(0, 2)) {
            case "08", "57" -> ErrorKind.CONNECTION;
            case "28" -> ErrorKind.AUTHENTICATION;
            case "42" -> ErrorKind.SYNTAX;
            case "23" -> ErrorKind.CONSTRAINT;
            case "25", "40" -> ErrorKind.TRANSACTION;
            case "0A" -> ErrorKind.UNSUPPORTED;
            default -> ErrorKind.SERVER;
        };
    }
}
