package io.rtcgate.domain.audit;

/**
 * The catalogue of audited actions, each with the target it names and what its before / after hold. A new admin
 * action adds its name here (noun, then verb, dotted) and in the README's list.
 */
public final class AuditActions {

    /** {@code vendor:<vendor>}; before and after {@code {state}}. */
    public static final String VENDOR_STATE_SET = "vendor.state.set";
    /** {@code webhook:<id>}; after {@code {url, event_types, enabled}} (never the secret). */
    public static final String WEBHOOK_CREATE = "webhook.create";
    /** {@code webhook:<id>}; before and after {@code {url, event_types, enabled}}. */
    public static final String WEBHOOK_UPDATE = "webhook.update";
    /** {@code webhook:<id>}; before {@code {url, event_types, enabled}}. */
    public static final String WEBHOOK_DELETE = "webhook.delete";
    /** {@code webhook:<id>/delivery:<id>}; before and after {@code {state, attempts}}. */
    public static final String WEBHOOK_DELIVERY_RETRY = "webhook.delivery.retry";
    /** {@code user:<id>}; after {@code {role}} (never the password). */
    public static final String USER_CREATE = "user.create";
    /** {@code room:<id>/user:<id>}; after {@code {vendor, duration_seconds}}. */
    public static final String ROOM_KICK = "room.kick";
    /** {@code room:<id>/user:<id>}; before the mute it replaced ({@code {until, muted_by}}) or null, after the new one. */
    public static final String ROOM_MEMBER_MUTE = "room.member.mute";
    /** {@code room:<id>/user:<id>}; before the mute it lifted ({@code {until, muted_by}}) or null, after null. */
    public static final String ROOM_MEMBER_UNMUTE = "room.member.unmute";
    /** {@code room:<id>}; before and after {@code {muted}}. */
    public static final String ROOM_MUTE = "room.mute";
    /** {@code room:<id>}; before and after {@code {muted}}. */
    public static final String ROOM_UNMUTE = "room.unmute";

    private AuditActions() {
    }
}
