package io.rtcgate.domain.user;

import java.util.Optional;

/** Port: durable users. */
public interface UserStore {

    Optional<User> find(String id);

    /**
     * @throws io.rtcgate.domain.ConflictException when a user with that id exists
     */
    void insert(User user);

    void update(User user);
}
