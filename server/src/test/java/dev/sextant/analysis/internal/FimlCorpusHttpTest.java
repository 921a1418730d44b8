package dev.sextant.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.support.HttpTestClient;
import dev.sextant.support.ServerHttpTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * FIML's forms (issue 14) over real HTTP on the demo market: the corpus in
 * src/test/resources/dsl/fiml-corpus-demo.txt answers its columns and checked values; the
 * vocabulary lists what the parser accepts; mutated corpus queries never answer a 5xx.
 */
class FimlCorpusHttpTest extends ServerHttpTest {

    private static final Pattern IN = Pattern.compile("(.+) in \\[(.+), (.+)]");
    private static final Pattern SAME_AS_QUERY = Pattern.compile("(.+) == \\{(.+)}(?:\\.(.+))?");
    private static final Pattern ERROR = Pattern.compile("error (\\d+):(\\d+) (.+)");

    private static List<String> corpus() throws IOException {
        try (InputStream in = FimlCorpusHttpTest.class.getResourceAsStream("/dsl/fiml-corpus-demo.txt")) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        }
    }

    private JsonNode table(String query) {
        HttpTestClient.Answer answer = http.query(query);
        assertThat(answer.status()).as(query + ": " + answer.body()).isEqualTo(200);
        assertThat(answer.json().get("demo").asBoolean()).as("labelled demo").isTrue();
        return answer.json().get("results").get(0);
    }

    @Test
    void test_theDemoCorpus_answersItsColumnsAndValues() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String line : corpus()) {
            String[] parts = line.split(" ==> ");
            assertThat(parts).as(line).hasSize(3);
            try {
                check(parts[0].trim(), parts[1].trim(), parts[2].trim());
            } catch (AssertionError | RuntimeException e) {
                failures.add(parts[0] + "\n    " + e.getMessage().replace("\n", " "));
            }
        }
        assertThat(failures).as("corpus lines that failed").isEmpty();
    }

    private void check(String query, String columns, String checks) {
        if (columns.equals("error")) {
            Matcher matcher = ERROR.matcher(checks);
            assertThat(matcher.matches()).as(checks).isTrue();
            HttpTestClient.Answer answer = http.query(query);
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            JsonNode problem = answer.json();
            assertThat(problem.get("line").asInt() + ":" + problem.get("column").asInt())
                    .as(answer.body())
                    .isEqualTo(matcher.group(1) + ":" + matcher.group(2));
            assertThat(problem.get("detail").asString()).contains(matcher.group(3));
            return;
        }
        JsonNode table = table(query);
        List<String> names = StreamSupport.stream(table.get("columns").spliterator(), false)
                .map(c -> c.get("name").asString())
                .toList();
        assertThat(names).as("columns").containsExactly(columns.split(", "));
        for (String each : checks.split(" && ")) {
            checkOne(table, names, each.trim());
        }
    }

    private void checkOne(JsonNode table, List<String> names, String check) {
        JsonNode rows = table.get("rows");
        if (check.startsWith("rows")) {
            String[] words = check.split(" ");
            int n = Integer.parseInt(words[2]);
            if (words[1].equals("=")) {
                assertThat(rows.size()).as(check).isEqualTo(n);
            } else {
                assertThat(rows.size()).as(check).isGreaterThanOrEqualTo(n);
            }
            return;
        }
        if (check.startsWith("same as {")) {
            JsonNode other = table(check.substring("same as {".length(), check.length() - 1));
            assertThat(table.get("columns")).as(check).isEqualTo(other.get("columns"));
            assertThat(rows).as(check).isEqualTo(other.get("rows"));
            return;
        }
        Matcher in = IN.matcher(check);
        if (in.matches()) {
            int column = names.indexOf(in.group(1));
            assertThat(column).as(check).isNotNegative();
            assertThat(rows.size()).as(check).isPositive();
            for (JsonNode row : rows) {
                assertThat(row.get(column).isNumber()).as(check + " in " + row).isTrue();
                assertThat(row.get(column).asDouble())
                        .as(check)
                        .isBetween(Double.parseDouble(in.group(2)), Double.parseDouble(in.group(3)));
            }
            return;
        }
        Matcher same = SAME_AS_QUERY.matcher(check);
        if (same.matches()) {
            JsonNode mine = first(table, names, same.group(1));
            JsonNode other = table(same.group(2));
            List<String> otherNames = StreamSupport.stream(other.get("columns").spliterator(), false)
                    .map(c -> c.get("name").asString())
                    .toList();
            JsonNode theirs = first(other, otherNames, same.group(3) != null ? same.group(3) : same.group(1));
            assertThat(mine.isNull()).as(check + " is null").isFalse();
            assertThat(mine).as(check).isEqualTo(theirs);
            return;
        }
        int equals = check.indexOf(" = ");
        if (equals > 0) {
            JsonNode value = first(table, names, check.substring(0, equals));
            String expected = check.substring(equals + 3);
            if (value.isNumber()) {
                assertThat(value.asDouble()).as(check).isCloseTo(Double.parseDouble(expected), within(1e-12));
            } else if (value.isBoolean()) {
                assertThat(value.asBoolean()).as(check).isEqualTo(Boolean.parseBoolean(expected));
            } else {
                assertThat(value.asString()).as(check).isEqualTo(expected);
            }
            return;
        }
        fail("unknown check: " + check);
    }

    private static JsonNode first(JsonNode table, List<String> names, String column) {
        assertThat(names).as("columns").contains(column);
        assertThat(table.get("rows").size()).as("rows").isPositive();
        return table.get("rows").get(0).get(names.indexOf(column));
    }

    @Test
    void test_vocabulary_listsEveryStatementMetricTopicAndUniverse_thatTheParserAccepts() {
        HttpTestClient.Answer answer = http.get("/api/v1/query/vocabulary");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode vocabulary = answer.json();
        List<String> statements = StreamSupport.stream(
                        vocabulary.get("statements").spliterator(), false)
                .map(s -> s.get("keyword").asString())
                .toList();
        assertThat(statements)
                .contains("EVALUATE", "COMPARE", "SCAN", "CORRELATE", "REGRESS", "MACRO", "FIND", "ANALYZE", "GET");
        assertThat(vocabulary.get("topics").propertyNames())
                .containsExactly("TECHNICALS", "FUNDAMENTALS", "SENTIMENT", "CORRELATIONS", "RISK");
        assertThat(vocabulary.get("macroAnalyses").toString())
                .isEqualTo("[\"REGRESSION\",\"CORRELATION\",\"IMPACT\",\"CAUSALITY\"]");
        assertThat(vocabulary.get("universes").toString()).contains("\"demo\"");
        // Every listed statement's example and every metric's example runs on the demo market.
        for (JsonNode statement : vocabulary.get("statements")) {
            String example = statement.get("example").asString();
            if (!statement.get("keyword").asString().equals("TRACK")) { // TRACK stores an alert: AlertHttpTest's
                assertThat(http.query(example).status()).as(example).isEqualTo(200);
            }
        }
        List<String> metrics = new ArrayList<>();
        for (JsonNode metric : vocabulary.get("metrics")) {
            metrics.add(metric.get("example").asString());
            if (metric.get("name").asString().equals("RSI")) {
                assertThat(metric.get("parameters").get(0).get("defaultValue").asString())
                        .isEqualTo("14");
                assertThat(metric.get("unit").asString()).isEqualTo("index 0 to 100");
            }
        }
        assertThat(metrics).contains("MOMENTUM(10)", "VOLUME(1d)", "RSI(14)", "BETA(SPY,1y)");
        HttpTestClient.Answer all = http.query("EVALUATE AAPL: " + String.join(", ", metrics));
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/query/vocabulary").status()).isEqualTo(401);
    }

    /** Bounded: random edits of the corpus' queries answer 200 or a 4xx problem, never a 5xx. */
    @Test
    void test_fuzz_mutatedFimlQueries_neverAnswerA5xx() throws IOException {
        List<String> seeds =
                corpus().stream().map(line -> line.split(" ==> ")[0].trim()).toList();
        String alphabet = "EVALUATECOMPARSCNWHEROFIKGTBYvs:;,()0123456789dwmk .-^<>=!*/+%\n$\"'{}\u2192";
        SplittableRandom random = new SplittableRandom(20261204L);
        long deadline = System.nanoTime() + 20_000_000_000L;
        int sent = 0;
        while (sent < 300 && System.nanoTime() < deadline) {
            StringBuilder text = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            for (int e = random.nextInt(1, 4); e > 0 && !text.isEmpty(); e--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            HttpTestClient.Answer answer = http.query(text.toString());
            assertThat(answer.status()).as(text + " -> " + answer.body()).isLessThan(500);
            if (answer.status() >= 400 && !text.toString().isBlank()) {
                assertThat(answer.contentType()).as(text.toString()).startsWith("application/problem+json");
                assertThat(answer.body()).as(text.toString()).doesNotContain("Exception", "\tat ");
            }
            sent++;
        }
        assertThat(sent).isGreaterThan(50);
    }
}
