package io.dora.driver.mongo.internal;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;

import io.dora.core.error.DoraDatabaseException;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;

/**
 * Turns the Java driver's exceptions into typed errors with the server's message and error code (the vendor code;
 * MongoDB has no SQLSTATE). The kinds come from the server's error codes.
 */
final class MongoErrors {

    static final int INTERRUPTED = 11601;
    static final int MAX_TIME_EXPIRED = 50;

    private MongoErrors() {
    }

    static DoraException translate(MongoException failure) {
        if (failure instanceof MongoSecurityException security) {
            Throwable cause = security.getCause();
            String message = cause instanceof MongoCommandException command ? command.getErrorMessage() : security.getMessage();
            return new DoraDatabaseException(ErrorKind.AUTHENTICATION, message, null, codeOf(cause, 18), failure);
        }
        if (failure instanceof MongoCommandException command) {
            return error(command.getErrorCode(), command.getErrorMessage(), failure);
        }
        if (failure instanceof MongoWriteException write) {
            return error(write.getError().getCode(), write.getError().getMessage(), failure);
        }
        if (failure instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
            return error(bulk.getWriteErrors().get(0).getCode(), bulk.getWriteErrors().get(0).getMessage(), failure);
        }
        if (failure instanceof MongoServerException server) {
            return error(server.getCode(), server.getMessage(), failure);
        }
        if (failure instanceof MongoTimeoutException || failure instanceof MongoSocketException) {
            return new DoraException(ErrorKind.CONNECTION, "The MongoDB server cannot be reached: " + firstLine(failure), failure);
        }
        if (failure instanceof MongoInterruptedException) {
            return new DoraException(ErrorKind.CANCELLED, "The operation was interrupted", failure);
        }
        return new DoraException(ErrorKind.SERVER, firstLine(failure), failure);
    }

    /**
     * The first write error of a write command's reply, which comes back with {@code ok: 1}; null when there is none.
     *
     * @param attempted how many documents or statements the command held
     */
    static DoraException writeError(BsonDocument reply, int attempted) {
        if (reply.containsKey("writeErrors") && !reply.getArray("writeErrors").isEmpty()) {
            BsonDocument first = reply.getArray("writeErrors").get(0).asDocument();
            long written = reply.getNumber("n", new BsonInt32(0)).longValue();
            String message = first.getString("errmsg", new BsonString("write error")).getValue()
                    + "\nItem " + (first.getNumber("index", new BsonInt32(0)).intValue() + 1) + " of "
                    + attempted + " failed; " + written + " were written";
            return error(first.getNumber("code", new BsonInt32(0)).intValue(), message, null);
        }
        if (reply.containsKey("writeConcernError")) {
            BsonDocument concern = reply.getDocument("writeConcernError");
            return error(concern.getNumber("code", new BsonInt32(0)).intValue(),
                    concern.getString("errmsg", new BsonString("write concern error")).getValue(), null);
        }
        return null;
    }

    static DoraDatabaseException error(int code, String message, Throwable cause) {
        return new DoraDatabaseException(kindOf(code), message, null, code, cause);
    }

    static ErrorKind kindOf(int code) {
        return switch (code) {
            case INTERRUPTED, 11600, 11602, 237 -> ErrorKind.CANCELLED; // Interrupted..., CursorKilled
            case MAX_TIME_EXPIRED, 262 -> ErrorKind.TIMEOUT; // MaxTimeMSExpired, ExceededTimeLimit
            case 18 -> ErrorKind.AUTHENTICATION;
            case 13, 8000 -> ErrorKind.PERMISSION; // Unauthorized, Atlas' AtlasError
            case 11000, 11001, 12582, 121 -> ErrorKind.CONSTRAINT; // duplicate keys, DocumentValidationFailure
            case 26, 27, 43 -> ErrorKind.UNDEFINED_OBJECT; // NamespaceNotFound, IndexNotFound, CursorNotFound
            case 2, 9, 14, 59, 40324, 40415, 15952, 168, 17276, 16410, 31249, 31254 -> ErrorKind.SYNTAX;
            case 112, 225, 244, 251, 256, 257, 263 -> ErrorKind.TRANSACTION;
            case 20, 115 -> ErrorKind.UNSUPPORTED; // IllegalOperation, CommandNotSupported
            case 6, 7, 89, 91, 189, 10107, 13435, 13436 -> ErrorKind.CONNECTION; // network, shutdown, not primary
            default -> ErrorKind.SERVER;
        };
    }

    private static int codeOf(Throwable failure, int fallback) {
        return failure instanceof MongoException mongo && mongo.getCode() > 0 ? mongo.getCode() : fallback;
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message.strip().lines().findFirst().orElse("");
    }
}
