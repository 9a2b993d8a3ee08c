package io.rtcgate.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/** {@code rtcgate.auth.*}: logins, tokens and the initial admin. */
@ConfigurationProperties("rtcgate.auth")
public class AuthProperties {

    /** HS256 secret for every JWT the gateway signs; at least 256 bits. Generated in the embedded default. */
    @Nullable
    private String jwtSecret;
    /** First login of an unknown username creates it. Default: on in the embedded default, off otherwise. */
    @Nullable
    private Boolean openRegistration;
    /** A password equal to the username logs in, and creates, a new user. Default: on in the embedded default, off otherwise. */
    @Nullable
    private Boolean demoLogin;
    private Duration sessionTtl = Duration.ofHours(24);
    private Duration accessTokenTtl = Duration.ofMinutes(15);
    private Duration refreshTokenTtl = Duration.ofDays(30);
    private int maxFailedLogins = 5;
    private Duration lockout = Duration.ofMinutes(5);
    private Admin admin = new Admin();

    @Nullable
    public String getJwtSecret() { return jwtSecret; }
    public void setJwtSecret(@Nullable String jwtSecret) { this.jwtSecret = jwtSecret; }
    @Nullable
    public Boolean getOpenRegistration() { return openRegistration; }
    public void setOpenRegistration(@Nullable Boolean openRegistration) { this.openRegistration = openRegistration; }
    @Nullable
    public Boolean getDemoLogin() { return demoLogin; }
    public void setDemoLogin(@Nullable Boolean demoLogin) { this.demoLogin = demoLogin; }
    public Duration getSessionTtl() { return sessionTtl; }
    public void setSessionTtl(Duration sessionTtl) { this.sessionTtl = sessionTtl; }
    public Duration getAccessTokenTtl() { return accessTokenTtl; }
    public void setAccessTokenTtl(Duration accessTokenTtl) { this.accessTokenTtl = accessTokenTtl; }
    public Duration getRefreshTokenTtl() { return refreshTokenTtl; }
    public void setRefreshTokenTtl(Duration refreshTokenTtl) { this.refreshTokenTtl = refreshTokenTtl; }
    public int getMaxFailedLogins() { return maxFailedLogins; }
    public void setMaxFailedLogins(int maxFailedLogins) { this.maxFailedLogins = maxFailedLogins; }
    public Duration getLockout() { return lockout; }
    public void setLockout(Duration lockout) { this.lockout = lockout; }
    public Admin getAdmin() { return admin; }
    public void setAdmin(Admin admin) { this.admin = admin; }

    /** {@code rtcgate.auth.admin.*}: the admin user ensured at start-up, when both are set. */
    @ConfigurationProperties("admin")
    public static class Admin {
        @Nullable
        private String username;
        @Nullable
        private String password;

        @Nullable
        public String getUsername() { return username; }
        public void setUsername(@Nullable String username) { this.username = username; }
        @Nullable
        public String getPassword() { return password; }
        public void setPassword(@Nullable String password) { this.password = password; }
    }
}
