package io.rtcgate.app.security;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.rtcgate.app.config.AuthProperties;
import io.rtcgate.app.config.EmbeddedMode;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says at start-up, loudly, when demo login lets anyone create an account with its username as password. */
@Singleton
public class DemoLoginNotice {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLoginNotice.class);

    private final AuthProperties auth;
    private final EmbeddedMode embedded;

    public DemoLoginNotice(AuthProperties auth, EmbeddedMode embedded) {
        this.auth = auth;
        this.embedded = embedded;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (embedded.defaultOn(auth.getDemoLogin())) {
            LOG.warn("Demo login is ON (rtcgate.auth.demo-login): a new username logs in with itself as the password"
                    + " and gets an account. Turn it off (RTCGATE_AUTH_DEMO_LOGIN=false) outside demos.");
        }
    }
}
