package io.rtcgate.domain.user;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginPolicyTest {

    @Test
    void oneFailureAndAOneSecondLockoutAreTheSmallestPolicy() {
        assertDoesNotThrow(() -> new LoginPolicy(false, 1, Duration.ofSeconds(1)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void maxFailuresMustBePositive(int maxFailures) {
        assertThrows(IllegalArgumentException.class, () -> new LoginPolicy(true, maxFailures, Duration.ofMinutes(1)));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void lockoutMustBePositive(long seconds) {
        assertThrows(IllegalArgumentException.class, () -> new LoginPolicy(true, 3, Duration.ofSeconds(seconds)));
    }
}
