package io.rtcgate.postgres.interaction;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.SQLException;

/** Plain JDBC work in a read or write transaction; an {@link SQLException} becomes a {@link DataAccessException} saying what failed. */
final class Transactions {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final TransactionOperations<Connection> transactions;

    Transactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    <T> T write(String what, Work<T> work) {
        return transactions.executeWrite(status -> run(what, work, status.getConnection()));
    }

    <T> T read(String what, Work<T> work) {
        return transactions.executeRead(status -> run(what, work, status.getConnection()));
    }

    private static <T> T run(String what, Work<T> work, Connection connection) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DataAccessException("could not " + what, e);
        }
    }
}
