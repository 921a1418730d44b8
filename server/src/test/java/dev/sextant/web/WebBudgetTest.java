package dev.sextant.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.support.ServerHttpTest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The weight budget of the app (issue 15): every script and style sheet the page can load (its
 * links, and every module and sheet its import map names, pages and libraries included), as a
 * browser gets them over HTTP with gzip, together under 300 KiB. Fonts are excluded (the app uses
 * the system's).
 */
class WebBudgetTest extends ServerHttpTest {

    static final long BUDGET_BYTES = 300 * 1024;

    private static final Pattern IMPORT_MAP =
            Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"(/assets/[^\"]+)\"");

    @Test
    void everyScriptAndStyleSheetTogetherWeighLessThan300KiBGzipped() throws IOException, InterruptedException {
        String page = anonymous
                .send(anonymous.request("/").header("Accept", "text/html").GET().build())
                .body();
        TreeSet<String> urls = new TreeSet<>();
        Matcher link = LINK.matcher(page);
        while (link.find()) {
            urls.add(link.group(1));
        }
        Matcher map = IMPORT_MAP.matcher(page);
        assertThat(map.find()).as("the page has its import map").isTrue();
        JsonNode imports = JsonMapper.builder().build().readTree(map.group(1)).path("imports");
        for (Map.Entry<String, JsonNode> entry : imports.properties()) {
            urls.add(entry.getValue().asString());
        }
        urls.removeIf(url -> !(url.endsWith(".js") || url.endsWith(".mjs") || url.endsWith(".css")));
        assertThat(urls)
                .as("the page names its shell, its pages, its libraries and its sheets")
                .anyMatch(url -> url.startsWith("/assets/app/main."))
                .anyMatch(url -> url.startsWith("/assets/app/pages/markets."))
                .anyMatch(url -> url.startsWith("/assets/vendor/lightweight-charts/"))
                .anyMatch(url -> url.startsWith("/assets/app/styles/app."));

        HttpClient client = HttpClient.newHttpClient();
        Map<String, Long> byGroup = new TreeMap<>();
        long total = 0;
        long plain = 0;
        for (String url : urls) {
            HttpResponse<byte[]> answer = client.send(
                    anonymous
                            .request(url)
                            .header("Accept-Encoding", "gzip")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).as(url).isEqualTo(200);
            long size = answer.body().length;
            if (size > 512) {
                assertThat(answer.headers().firstValue("Content-Encoding"))
                        .as(url + " is sent compressed")
                        .hasValue("gzip");
            }
            total += size;
            plain += client.send(anonymous.request(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                    .body()
                    .length;
            byGroup.merge(group(url), size, Long::sum);
        }
        System.out.printf(
                "web budget: %d scripts and style sheets, %.1f KiB gzipped (%.1f KiB uncompressed) of %d KiB; by part %s%n",
                urls.size(), total / 1024.0, plain / 1024.0, BUDGET_BYTES / 1024, kib(byGroup));
        assertThat(total).as("gzipped bytes of every script and style sheet").isLessThan(BUDGET_BYTES);
    }

    private static String group(String url) {
        String path = url.substring("/assets/".length());
        if (path.startsWith("vendor/")) {
            return path.substring(0, path.indexOf('/', "vendor/".length()));
        }
        if (path.startsWith("app/pages/")) {
            return "app/pages";
        }
        if (path.startsWith("app/styles/")) {
            return "app/styles";
        }
        return "app (shell)";
    }

    private static Map<String, String> kib(Map<String, Long> bytes) {
        Map<String, String> out = new TreeMap<>();
        bytes.forEach((group, size) -> out.put(group, String.format("%.1f KiB", size / 1024.0)));
        return out;
    }
}
