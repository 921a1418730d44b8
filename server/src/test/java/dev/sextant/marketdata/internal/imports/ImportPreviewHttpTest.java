package dev.sextant.marketdata.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/imports/preview}: a file read as an import would read it, nothing stored; bad
 * rows named by line, hostile bytes refused or shown harmlessly; then {@code skipInvalid} imports
 * the good rows the preview showed.
 */
class ImportPreviewHttpTest extends ServerHttpTest {

    private static final String BOUNDARY = "----sextant-preview-boundary";

    private static Answer post(HttpTestClient client, String path, byte[] file, String... fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                            + fields[i + 1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bars.csv\"\r\n"
                                + "Content-Type: text/csv\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(client.request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private static Answer preview(HttpTestClient client, String file) {
        return post(client, "/api/v1/imports/preview", file.getBytes(StandardCharsets.UTF_8));
    }

    /** 30 good daily bars from 2024-01-01, one per day. */
    private static String goodRows() {
        StringBuilder rows = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
        for (int day = 1; day <= 30; day++) {
            rows.append(
                    String.format("2024-01-%02d,%d,%d,%d,%d.5,1000%n", day, 100 + day, 102 + day, 99 + day, 100 + day));
        }
        return rows.toString();
    }

    @Test
    void test_preview_showsTheFirstRowsAndEveryBadLine_andStoresNothing() {
        HttpTestClient analyst = signedInAs(unique("previewer"), Role.ANALYST);
        String file = goodRows()
                + "2024-02-01,x,2,1,1.5,10\n" // line 32: not a number
                + "2024-02-02,1,2\n" // line 33: too few columns
                + "2024-01-15,1,2,1,1.5,10\n" // line 34: out of time order
                + "2024-02-03,1,0.5,1,1.5,10\n"; // line 35: low above high

        Answer answer = preview(analyst, file);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode preview = answer.json();
        assertThat(preview.get("format").asString()).isEqualTo("csv");
        assertThat(preview.get("counts").asString()).isEqualTo("line");
        assertThat(preview.get("rows").asInt()).isEqualTo(34);
        assertThat(preview.get("valid").asInt()).isEqualTo(30);
        assertThat(preview.get("invalid").asInt()).isEqualTo(4);
        assertThat(preview.get("bars")).hasSize(BarImports.PREVIEW_ROWS);
        assertThat(preview.get("bars").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(preview.get("bars").get(0).get("close").asDouble()).isEqualTo(101.5);
        assertThat(preview.get("from").asString()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(preview.get("to").asString()).isEqualTo("2024-01-30T00:00:00Z");
        assertThat(preview.get("problems"))
                .extracting(p -> p.get("line").asInt())
                .containsExactly(32, 33, 34, 35);
        assertThat(preview.get("problems").get(0).get("problem").asString()).isEqualTo("'open' is not a number: 'x'");
        assertThat(preview.get("problems").get(0).get("text").asString()).isEqualTo("2024-02-01,x,2,1,1.5,10");
        assertThat(preview.get("problems").get(1).get("problem").asString()).contains("expected 6 columns");
        assertThat(preview.get("problems").get(2).get("problem").asString()).contains("not in time order");
        assertThat(preview.get("problems").get(3).get("problem").asString()).contains("must enclose");

        // The same file at import is refused at its first bad line, as before: a preview changes nothing.
        Answer refused = post(analyst, "/api/v1/imports", file.getBytes(StandardCharsets.UTF_8), "symbol", newSymbol());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("line").asInt()).isEqualTo(32);
    }

    @Test
    void test_aBinaryFile_isRefusedAsNotText_atPreviewAndImport() {
        HttpTestClient analyst = signedInAs(unique("binary"), Role.ANALYST);
        byte[] png = {
            (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', (byte) 0xff, 0
        };

        Answer previewed = post(analyst, "/api/v1/imports/preview", png);
        Answer imported = post(analyst, "/api/v1/imports", png, "symbol", newSymbol());
        Answer nul = post(
                analyst,
                "/api/v1/imports/preview",
                "Date,Open\u0000,High,Low,Close\n".getBytes(StandardCharsets.UTF_8));

        for (Answer answer : List.of(previewed, imported, nul)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:invalid-import-file");
            assertThat(answer.json().get("detail").asString()).contains("not a text file");
        }
    }

    @Test
    void test_aHugeLine_isOneBadRow_neverEchoedWhole() {
        HttpTestClient analyst = signedInAs(unique("huge-line"), Role.ANALYST);
        String huge = "2024-01-03," + "9".repeat(200_000) + ",2,1,1.5,10";
        String file = "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,1.5,10\n" + huge + "\n";

        Answer answer = preview(analyst, file);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode problem = answer.json().get("problems").get(0);
        assertThat(problem.get("line").asInt()).isEqualTo(3);
        assertThat(problem.get("problem").asString()).contains("longer than " + BarFileParser.MAX_LINE);
        assertThat(problem.get("text").asString()).hasSizeLessThanOrEqualTo(123);
        assertThat(answer.body().length()).as("the answer stays small").isLessThan(2_000);
        assertThat(answer.json().get("valid").asInt()).isEqualTo(1);
    }

    @Test
    void test_formulaCells_areRefusedAsRows_andShownQuoted() {
        HttpTestClient analyst = signedInAs(unique("formula"), Role.ANALYST);
        String file = "Date,Open,High,Low,Close,Volume\n"
                + "2024-01-02,1,2,1,1.5,10\n"
                + "2024-01-03,=cmd|' /C calc'!A0,2,1,1.5,10\n"
                + "@SUM(A1:A2),1,2,1,1.5,10\n"
                + "2024-01-05,1,2,1,+HYPERLINK(\"http://x\"),10\n";

        Answer answer = preview(analyst, file);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode preview = answer.json();
        assertThat(preview.get("valid").asInt()).isEqualTo(1);
        assertThat(preview.get("problems"))
                .extracting(p -> p.get("line").asInt())
                .containsExactly(3, 4, 5);
        assertThat(preview.get("problems").get(0).get("text").asString())
                .isEqualTo("2024-01-03,'=cmd|' /C calc'!A0,2,1,1.5,10");
        assertThat(preview.get("problems").get(1).get("text").asString()).startsWith("'@SUM");
        assertThat(preview.get("problems").get(2).get("text").asString()).contains(",'+HYPERLINK(");
        // No string anywhere in the answer starts as a spreadsheet formula would.
        List<String> strings = new ArrayList<>();
        collectStrings(preview, strings);
        assertThat(strings).noneMatch(s -> !s.isEmpty() && "=+@".indexOf(s.charAt(0)) >= 0);
    }

    @Test
    void test_skipInvalid_importsTheGoodRowsThePreviewShowed() {
        HttpTestClient analyst = signedInAs(unique("skipper"), Role.ANALYST);
        String symbol = newSymbol();
        String file = "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,1.5,10\n2024-01-03,oops,2,1,1.5,10\n"
                + "2024-01-04,1,3,1,2.5,10\n";

        Answer answer = post(
                analyst,
                "/api/v1/imports",
                file.getBytes(StandardCharsets.UTF_8),
                "symbol",
                symbol,
                "skipInvalid",
                "true");
        JsonNode bars = http.get("/api/v1/bars/" + symbol + "?interval=1d&from=2024-01-01&to=2024-01-31")
                .json();

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("bars").asInt()).isEqualTo(2);
        assertThat(answer.json().get("skipped").asInt()).isEqualTo(1);
        assertThat(bars.get("bars")).extracting(b -> b.get("close").asDouble()).containsExactly(1.5, 2.5);
    }

    @Test
    void test_preview_isForAnalysts() {
        Answer asUser = preview(http, goodRows());
        Answer anonymously = preview(anonymous, goodRows());
        Answer badInterval = post(
                signedInAs(unique("interval"), Role.ANALYST),
                "/api/v1/imports/preview?interval=1wk",
                goodRows().getBytes(StandardCharsets.UTF_8));

        assertThat(asUser.status()).isEqualTo(403);
        assertThat(anonymously.status()).isEqualTo(401);
        assertThat(badInterval.status()).isEqualTo(400);
        assertThat(badInterval.json().get("parameter").asString()).isEqualTo("interval");
    }

    private static String newSymbol() {
        return "PRV" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
    }

    private static void collectStrings(JsonNode node, List<String> into) {
        if (node.isString()) {
            into.add(node.asString());
        }
        node.forEach(child -> collectStrings(child, into));
    }
}
