package io.rtcgate.domain.webhook;

/**
 * How one signed request went: the receiver answered with {@code statusCode}, or there was no answer and
 * {@code error} says why (timed out, refused, …). Exactly one of the two is set.
 */
public record SendOutcome(Integer statusCode, String error) {

    public SendOutcome {
        if ((statusCode == null) == (error == null)) {
            throw new IllegalArgumentException("an outcome has a status code or an error");
        }
    }

    public static SendOutcome answered(int statusCode) {
        return new SendOutcome(statusCode, null);
    }

    public static SendOutcome noAnswer(String error) {
        return new SendOutcome(null, error);
    }

    /** A 2xx answer: the receiver has the event. */
    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** What went wrong, for the subscription's last error: the error, or the status that was not a 2xx. */
    public String failure() {
        return error != null ? error : "answered HTTP " + statusCode;
    }
}
