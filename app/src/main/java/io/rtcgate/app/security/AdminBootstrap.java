package io.rtcgate.app.security;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.rtcgate.app.config.AuthProperties;
import io.rtcgate.domain.user.UserService;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ensures the configured admin exists with the configured password at every start. */
@Singleton
public class AdminBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AuthProperties auth;
    private final UserService users;

    public AdminBootstrap(AuthProperties auth, UserService users) {
        this.auth = auth;
        this.users = users;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        String username = auth.getAdmin().getUsername();
        String password = auth.getAdmin().getPassword();
        if (username == null || password == null) {
            LOG.info("No initial admin configured (rtcgate.auth.admin.username / .password)");
            return;
        }
        users.ensureAdmin(username, password);
        LOG.info("Admin user {} is ready", username);
    }
}
