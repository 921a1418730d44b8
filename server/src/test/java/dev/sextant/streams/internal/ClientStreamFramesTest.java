package dev.sextant.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How numbered messages ready together are framed: what a client unpacks must be them, in order. */
class ClientStreamFramesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void test_oneMessage_leavesAsItself() {
        String message = numbered(1, 10);

        assertThat(ClientStream.frames(List.of(message))).containsExactly(message);
    }

    @Test
    void test_manyMessages_leaveInBoundedBatchFrames_thatUnpackToThemInOrder() {
        // 500 snapshots of ~400 characters (a subscription of 50 symbols x 10 channels): about 200 KB.
        List<String> messages = IntStream.rangeClosed(1, 500)
                .mapToObj(seq -> numbered(seq, 300))
                .toList();

        List<String> frames = ClientStream.frames(messages);

        assertThat(frames).hasSizeGreaterThan(1);
        List<String> unpacked = new ArrayList<>();
        for (String frame : frames) {
            assertThat(frame.length())
                    .as("a frame stays small for any client's buffer")
                    .isLessThanOrEqualTo(33 * 1024);
            JsonNode node = JSON.readTree(frame);
            if (node.path("type").asString().equals("batch")) {
                assertThat(node.path("messages").size()).isGreaterThan(1);
                node.path("messages").forEach(m -> unpacked.add(m.toString()));
            } else {
                unpacked.add(node.toString());
            }
        }
        assertThat(unpacked)
                .containsExactlyElementsOf(
                        messages.stream().map(m -> JSON.readTree(m).toString()).toList());
    }

    private static String numbered(long seq, int padding) {
        return "{\"type\":\"update\",\"seq\":" + seq
                + ",\"symbol\":\"BTC-USD\",\"channel\":\"quote\",\"data\":{\"pad\":\"" + "x".repeat(padding) + "\"}}";
    }
}
