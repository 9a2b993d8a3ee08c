package io.rtcgate.emulator.aliyun;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON of CDN stream mixing as the fake reads and writes it: the JSON-string parameters of
 * {@code CreateMixStream} and {@code UpdateMixStream} under the names the API page's examples use
 * (help.aliyun.com/en/live/developer-reference/api-live-2016-11-01-createmixstream), and the answers under the
 * names aliyun-java-sdk-live 3.9.76's unmarshallers read. Unknown fields are refused: a parameter the page does
 * not name would be a typo the real service ignores silently.
 */
final class MixStreamJson {

    private MixStreamJson() {
    }

    // ---- parameters ----

    /** One element of InputStreamList: a live stream (ResourceType {@code live}, its RTMP URL) and its pane. */
    record InputStream(@JsonProperty("LayoutChildId") Integer layoutChildId,
                       @JsonProperty("ResourceType") String resourceType,
                       @JsonProperty("ResourceValue") String resourceValue,
                       @JsonProperty("LayoutConfig") LayoutConfig layoutConfig) {
    }

    /** A pane: fit or fill, positioned by its top-left corner, position and size as fractions of the canvas. */
    record LayoutConfig(@JsonProperty("FillMode") String fillMode,
                        @JsonProperty("PositionRefer") String positionRefer,
                        @JsonProperty("FillPositionNormalized") List<BigDecimal> fillPositionNormalized,
                        @JsonProperty("FillSizeNormalized") List<BigDecimal> fillSizeNormalized) {
    }

    /** Where the mix goes: AppName and StreamName of the output stream, a template and the task's lifetime. */
    record OutputConfig(@JsonProperty("AppName") String appName,
                        @JsonProperty("StreamName") String streamName,
                        @JsonProperty("MixStreamTemplate") String mixStreamTemplate,
                        @JsonProperty("ExpireDuration") String expireDuration) {
    }

    record CallbackConfig(@JsonProperty("CallbackUrl") String callbackUrl) {
    }

    // ---- answers ----

    /** CreateMixStream, UpdateMixStream and DeleteMixStream. */
    record MixStreamAnswer(@JsonProperty("RequestId") String requestId, @JsonProperty("MixStreamId") String mixStreamId) {

        MixStreamAnswer(String mixStreamId) {
            this(AliyunJson.newRequestId(), mixStreamId);
        }
    }

    /** DescribeMixStreamList: the SDK reads MixStreamList as a plain array (checkShowJsonItemName is false). */
    record MixStreamList(@JsonProperty("RequestId") String requestId,
                         @JsonProperty("Total") int total,
                         @JsonProperty("MixStreamList") List<MixStreamInfo> mixStreamList) {

        MixStreamList(List<MixStreamInfo> mixStreams) {
            this(AliyunJson.newRequestId(), mixStreams.size(), mixStreams);
        }
    }

    /** One task; {@code MixstreamId} is spelled so by the SDK's unmarshaller. */
    record MixStreamInfo(@JsonProperty("AppName") String appName,
                         @JsonProperty("DomainName") String domainName,
                         @JsonProperty("GmtCreate") String gmtCreate,
                         @JsonProperty("GmtModified") String gmtModified,
                         @JsonProperty("InputStreamNumber") int inputStreamNumber,
                         @JsonProperty("LayoutId") String layoutId,
                         @JsonProperty("MixStreamTemplate") String mixStreamTemplate,
                         @JsonProperty("MixstreamId") String mixstreamId,
                         @JsonProperty("StreamName") String streamName) {
    }
}
