package io.rtcgate.domain.user;

import io.rtcgate.domain.InvalidInputException;
import io.rtcgate.domain.Validation;
import java.util.regex.Pattern;

/**
 * The rule for user ids. They travel into every vendor's channel as user ids, so they keep to the
 * characters and the length that Agora, Tencent TRTC and Aliyun ARTC all accept.
 */
public final class UserIds {

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private UserIds() {
    }

    /** {@code value} if it is a possible user id, else an input error on {@code field}. */
    public static String require(String value, String field) {
        Validation.required(value, field);
        if (!USER_ID.matcher(value).matches()) {
            throw new InvalidInputException(field, field + " must be 1 to 32 characters of letters, digits, '_' or '-'");
        }
        return value;
    }
}
