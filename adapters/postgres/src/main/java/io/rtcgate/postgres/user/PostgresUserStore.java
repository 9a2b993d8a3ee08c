package io.rtcgate.postgres.user;

import io.micronaut.data.exceptions.DataAccessException;
import io.rtcgate.domain.ConflictException;
import io.rtcgate.domain.user.Role;
import io.rtcgate.domain.user.User;
import io.rtcgate.domain.user.UserStore;
import jakarta.inject.Singleton;
import java.util.Optional;

@Singleton
public class PostgresUserStore implements UserStore {

    private final UserRepository repository;

    public PostgresUserStore(UserRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<User> find(String id) {
        return repository.findById(id).map(PostgresUserStore::toUser);
    }

    @Override
    public void insert(User user) {
        try {
            repository.save(toRow(user));
        } catch (DataAccessException e) {
            if (repository.existsById(user.id())) {
                throw new ConflictException("user " + user.id() + " already exists");
            }
            throw e;
        }
    }

    @Override
    public void update(User user) {
        repository.update(toRow(user));
    }

    private static UserRow toRow(User user) {
        return new UserRow(user.id(), user.passwordHash(), user.role().name(), user.failedLogins(),
                user.lockedUntil(), user.createdAt());
    }

    private static User toUser(UserRow row) {
        return new User(row.id(), row.passwordHash(), Role.valueOf(row.role()), row.failedLogins(),
                row.lockedUntil(), row.createdAt());
    }
}
