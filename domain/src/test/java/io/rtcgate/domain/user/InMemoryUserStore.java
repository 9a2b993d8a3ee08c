package io.rtcgate.domain.user;

import io.rtcgate.domain.ConflictException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link UserStore} in a map that counts its writes. */
final class InMemoryUserStore implements UserStore {

    private final Map<String, User> users = new HashMap<>();
    private int updates;

    @Override
    public Optional<User> find(String id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public void insert(User user) {
        if (users.putIfAbsent(user.id(), user) != null) {
            throw new ConflictException("user " + user.id() + " already exists");
        }
    }

    @Override
    public void update(User user) {
        if (users.replace(user.id(), user) == null) {
            throw new IllegalStateException("user " + user.id() + " does not exist");
        }
        updates++;
    }

    /** The stored user; fails the test if there is none. */
    User stored(String id) {
        return find(id).orElseThrow(() -> new AssertionError("no stored user " + id));
    }

    int size() {
        return users.size();
    }

    int updates() {
        return updates;
    }
}
