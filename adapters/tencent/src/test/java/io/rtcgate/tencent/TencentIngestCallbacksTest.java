package io.rtcgate.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtcgate.domain.AuthenticationException;
import io.rtcgate.domain.callback.CallbackRequest;
import io.rtcgate.domain.ingest.IngestNotice;
import io.rtcgate.domain.ingest.IngestNotice.Event;
import io.rtcgate.domain.job.JobFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TRTC's stream ingest callbacks (group 7, trtc.io/document/62717): verified at the shared endpoint and read as an ingest's news. */
class TencentIngestCallbacksTest {

    /** The application {@link TencentRecordingCallbacksTest#callbacksWithKey} verifies for. */
    private static final long SDK_APP_ID = 1400000000L;
    private static final String KEY = "123654";
    /** The page's "start success" example, as laid out there. */
    private static final String START_SUCCESS = "{\n\t\"EventGroupId\": 7,\n\t\"EventType\":    701,\n\t\"CallbackMsTs\":   1701937900012,\n"
            + "\t\"EventInfo\":    {\n\t\t\"EventMsTs\": 1701937900013,\n\t\t\"TaskId\":\"xx\",\n\t\t\"Status\":0\n\t}\n}";
    /** The page's signature example: the same event, compact, with the long task id TRTC hands out. */
    private static final String SIGNATURE_EXAMPLE = "{\"EventGroupId\":7,\"EventType\":701,\"CallbackMsTs\":1701937900012,\"EventInfo\":"
            + "{\"EventMsTs\":1701937900012,\"TaskId\":\"WMdqEeEgj2ksqnyUsuXC+qLkVypGmwjrgh1JC6ZefVP+rvsidDnZsAw8uWgX0XRGvdSVfAMunise2kcZaef"
            + "dgHvx3-M2v6fmTjRNgg..\",\"Status\":0}}";

    private final TencentIngestCallbacks ingestCallbacks = new TencentIngestCallbacks();

    @Test
    void theDocumentedStartSuccessIsVerifiedByItsCallbackMsTsAndReadsAsStarted() {
        CallbackRequest request = signed(START_SUCCESS);
        Instant sent = Instant.ofEpochMilli(1701937900012L);

        recordingCallbacks().verify(request, sent.plus(Duration.ofMinutes(9)));

        assertEquals(Optional.of(new IngestNotice(Event.STARTED, "xx", Optional.empty(), Instant.ofEpochMilli(1701937900013L),
                "701 start success")), ingestCallbacks.read(request));
        assertEquals(Optional.empty(), recordingCallbacks().read(request), "no recording's news");
    }

    @Test
    void aStaleIngestCallbackIsRefusedByItsCallbackMsTs() {
        CallbackRequest request = signed(SIGNATURE_EXAMPLE);
        Instant sent = Instant.ofEpochMilli(1701937900012L);

        assertThrows(AuthenticationException.class, () -> recordingCallbacks().verify(request, sent.plus(Duration.ofMinutes(11))));
    }

    @Test
    void theSignatureExampleReadsAsStartedForItsLongTaskId() {
        IngestNotice notice = ingestCallbacks.read(signed(SIGNATURE_EXAMPLE)).orElseThrow();

        assertEquals(Event.STARTED, notice.event());
        assertTrue(notice.taskId().startsWith("WMdqEeEgj2ks") && notice.taskId().endsWith("TjRNgg.."), notice.taskId());
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({
            "701, 0, STARTED, 701 start success",
            "701, 2, PROGRESS, 701 start again",
            "701, 9, PROGRESS, 701 status 9",
            "702, 0, ENDED, 702 stop",
            "703, 0, PROGRESS, EventType 703"})
    void eachEventAndStatusReadsAsItsDocumentedMeaning(int type, int status, Event event, String vendorEvent) {
        IngestNotice notice = ingestCallbacks.read(signed(body(type, "\"Status\":" + status, "1701937900013"))).orElseThrow();

        assertEquals(event, notice.event());
        assertEquals(vendorEvent, notice.vendorEvent());
        assertEquals("task-1", notice.taskId());
        assertEquals(Optional.empty(), notice.failure());
    }

    @Test
    void aStartFailureIsAFailureWithTheEventAndStatusAsItsCode() {
        IngestNotice notice = ingestCallbacks.read(signed(body(701, "\"Status\":1", "1701937900013"))).orElseThrow();

        assertEquals(Event.FAILED, notice.event());
        JobFailure failure = notice.failure().orElseThrow();
        assertEquals("701/1", failure.vendorCode());
        assertTrue(failure.message().contains("could not start"), failure.message());
        assertEquals("701 start failure", notice.vendorEvent());
    }

    @Test
    void eventMsTsReadsAsANumberOrAsAStringOfDigitsAsThePagesTableTypesIt() {
        Instant asNumber = ingestCallbacks.read(signed(body(702, "\"Status\":0", "1701937900999"))).orElseThrow().reportedAt();
        Instant asString = ingestCallbacks.read(signed(body(702, "\"Status\":0", "\"1701937900999\""))).orElseThrow().reportedAt();

        assertEquals(Instant.ofEpochMilli(1701937900999L), asNumber);
        assertEquals(asNumber, asString);
    }

    @Test
    void withoutEventMsTsTheSendTimeIsTheEventsTime() {
        String body = "{\"EventGroupId\":7,\"EventType\":702,\"CallbackMsTs\":1701937900012,\"EventInfo\":{\"TaskId\":\"task-1\",\"Status\":0}}";

        assertEquals(Instant.ofEpochMilli(1701937900012L), ingestCallbacks.read(signed(body)).orElseThrow().reportedAt());
    }

    @Test
    void otherEventGroupsAreNotAnIngestsNews() {
        String recorderStarted = "{\"EventGroupId\":3,\"EventType\":301,\"CallbackTs\":1701937900012,\"EventInfo\":{\"RoomId\":\"r\","
                + "\"TaskId\":\"task-1\",\"Payload\":{\"Status\":0}}}";
        String enterRoom = "{\"EventGroupId\":1,\"EventType\":103,\"CallbackTs\":1701937900012,\"EventInfo\":{\"RoomId\":12345}}";

        assertEquals(Optional.empty(), ingestCallbacks.read(signed(recorderStarted)));
        assertEquals(Optional.empty(), ingestCallbacks.read(signed(enterRoom)));
    }

    @Test
    void anIngestCallbackWithoutItsTaskIdOrItsStartStatusFailsNamingTheField() {
        IllegalArgumentException noTask = assertThrows(IllegalArgumentException.class, () -> ingestCallbacks.read(signed(
                "{\"EventGroupId\":7,\"EventType\":702,\"CallbackMsTs\":1701937900012,\"EventInfo\":{\"EventMsTs\":1,\"Status\":0}}")));
        IllegalArgumentException noStatus = assertThrows(IllegalArgumentException.class, () -> ingestCallbacks.read(signed(
                "{\"EventGroupId\":7,\"EventType\":701,\"CallbackMsTs\":1701937900012,\"EventInfo\":{\"EventMsTs\":1,\"TaskId\":\"t\"}}")));

        assertTrue(noTask.getMessage().startsWith("EventInfo.TaskId is required"), noTask.getMessage());
        assertTrue(noStatus.getMessage().startsWith("EventInfo.Status is required"), noStatus.getMessage());
    }

    private static String body(int type, String status, String eventMsTs) {
        return "{\"EventGroupId\":7,\"EventType\":" + type + ",\"CallbackMsTs\":1701937900012,\"EventInfo\":{\"EventMsTs\":" + eventMsTs
                + ",\"TaskId\":\"task-1\"," + status + "}}";
    }

    private static CallbackRequest signed(String body) {
        return new CallbackRequest("POST", "", Map.of("Content-Type", "application/json", "SdkAppId", Long.toString(SDK_APP_ID),
                "Sign", TencentRecordingCallbacks.sign(KEY, body)), body);
    }

    private static TencentRecordingCallbacks recordingCallbacks() {
        return TencentRecordingCallbacksTest.callbacksWithKey(KEY);
    }
}
