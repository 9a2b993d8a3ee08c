package io.rtcgate.postgres;

import java.sql.SQLException;

/** What a failed statement means, by PostgreSQL's SQLSTATE anywhere in the exception's causes. */
public final class SqlErrors {

    /** PostgreSQL's SQLSTATE for a duplicate key. */
    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    /** Whether a unique index refused the write. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
