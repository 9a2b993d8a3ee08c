package io.rtcgate.domain.room;

import static io.rtcgate.domain.DomainAssertions.assertInvalidInput;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Request checks on rooms: each failure names the wire field. */
class RoomInputValidationTest {

    private static final String TEXT_LIMIT = "x".repeat(256);
    private static final String TEXT_OVER = "x".repeat(257);
    private static final String URL_LIMIT = "u".repeat(2048);
    private static final String URL_OVER = "u".repeat(2049);

    @Nested
    class NewRoomRequest {

        private NewRoom newRoom(String title, String notice, String coverUrl, String anchorId, String anchorNick) {
            return new NewRoom(title, notice, coverUrl, anchorId, anchorNick, null, RoomMode.NORMAL);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "   ")
        void missingAnchorIsInvalid(String anchorId) {
            assertInvalidInput("anchor", () -> newRoom("title", null, null, anchorId, null));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "   ")
        void missingTitleIsInvalid(String title) {
            assertInvalidInput("title", () -> newRoom(title, null, null, "anchor", null));
        }

        @Test
        void overlongFieldsAreInvalid() {
            assertInvalidInput("title", () -> newRoom(TEXT_OVER, null, null, "anchor", null));
            assertInvalidInput("notice", () -> newRoom("title", TEXT_OVER, null, "anchor", null));
            assertInvalidInput("cover_url", () -> newRoom("title", null, URL_OVER, "anchor", null));
            assertInvalidInput("anchor_nick", () -> newRoom("title", null, null, "anchor", TEXT_OVER));
            assertInvalidInput("anchor", () -> newRoom("title", null, null, TEXT_OVER, null));
        }

        @Test
        void fieldsAtTheirLimitAreAccepted() {
            assertDoesNotThrow(() -> newRoom(TEXT_LIMIT, TEXT_LIMIT, URL_LIMIT, TEXT_LIMIT, TEXT_LIMIT));
        }

        @Test
        void optionalFieldsMayBeNull() {
            NewRoom request = newRoom("title", null, null, "anchor", null);

            assertEquals("title", request.title());
        }

        @Test
        void missingModeMeansNormal() {
            NewRoom request = new NewRoom("title", null, null, "anchor", null, null, null);

            assertEquals(RoomMode.NORMAL, request.mode());
        }
    }

    @Nested
    class RoomChangesRequest {

        @Test
        void allFieldsMayBeLeftOut() {
            assertDoesNotThrow(() -> new RoomChanges(null, null, null, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  "})
        void blankTitleIsInvalid(String title) {
            assertInvalidInput("title", () -> new RoomChanges(title, null, null, null));
        }

        @Test
        void overlongFieldsAreInvalid() {
            assertInvalidInput("title", () -> new RoomChanges(TEXT_OVER, null, null, null));
            assertInvalidInput("notice", () -> new RoomChanges(null, TEXT_OVER, null, null));
            assertInvalidInput("cover_url", () -> new RoomChanges(null, null, URL_OVER, null));
        }

        @Test
        void fieldsAtTheirLimitAreAccepted() {
            assertDoesNotThrow(() -> new RoomChanges(TEXT_LIMIT, TEXT_LIMIT, URL_LIMIT, null));
        }
    }

    @Nested
    class RoomQueryRequest {

        @ParameterizedTest
        @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
        void pageNumBelowOneIsInvalid(int pageNum) {
            assertInvalidInput("page_num", () -> new RoomQuery(Optional.empty(), pageNum, 10));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 101})
        void pageSizeOutsideOneToHundredIsInvalid(int pageSize) {
            assertInvalidInput("page_size", () -> new RoomQuery(Optional.empty(), 1, pageSize));
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 100})
        void pageSizeAtItsBoundsIsAccepted(int pageSize) {
            assertEquals(pageSize, new RoomQuery(Optional.empty(), 1, pageSize).pageSize());
        }

        @ParameterizedTest(name = "page {0} of {1} starts at {2}")
        @CsvSource({
                "1, 10, 0",
                "2, 10, 10",
                "3, 20, 40",
                "2147483647, 100, 214748364600"})
        void offsetCountsPagesFromOneWithoutOverflow(int pageNum, int pageSize, long offset) {
            assertEquals(offset, new RoomQuery(Optional.empty(), pageNum, pageSize).offset());
        }
    }

    @Nested
    class RoomModeCode {

        @ParameterizedTest
        @CsvSource({"0, NORMAL", "1, COHOST", "2, PK"})
        void knownCodesMapToModes(int code, RoomMode mode) {
            assertEquals(mode, RoomMode.fromCode(code, "mode"));
            assertEquals(code, mode.code());
        }

        @ParameterizedTest
        @ValueSource(ints = {3, -1})
        void unknownCodeIsInvalidOnTheNamedField(int code) {
            assertInvalidInput("mode", () -> RoomMode.fromCode(code, "mode"));
            assertInvalidInput("room.mode", () -> RoomMode.fromCode(code, "room.mode"));
        }
    }

    @Nested
    class MeetingMemberRequest {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = " ")
        void missingUserIdIsInvalid(String userId) {
            assertInvalidInput("members.user_id", () -> new MeetingMember(userId, "nick", null, true, true, null, null));
        }
    }
}
