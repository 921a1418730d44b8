package dev.sextant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.support.ReadmeTranscript;
import dev.sextant.support.ReadmeTranscript.Step;
import dev.sextant.support.TotpCodes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's first-contact transcript, run as written against a fresh server: every {@code $ curl}
 * of it, in order, with the README's placeholders filled the way a new user fills them (the
 * one-time password from the data directory, a passphrase of their own, the tokens of the previous
 * answers, a TOTP code from the secret the server handed out). Each answer must be a success and
 * hold every field the README shows, with the value shown: {@code ...} in a shown value stands for
 * text that differs each time. Then every {@code http://localhost:8080} address of the README's
 * table answers the signed-in administrator. Change an endpoint or an answer the README uses and
 * this fails until the README says the truth again.
 */
class ReadmeQuickStartTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSPHRASE = "Readme-Reader-Passphrase-42";
    /** Values that differ on every run by nature; the README shows an example of their form. */
    private static final Set<String> INSTANTS_OF_THE_RUN = Set.of("fetchedAt");

    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]+>");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern TABLE_ADDRESS =
            Pattern.compile("^\\| (http://localhost:8080/\\S*) \\|", Pattern.MULTILINE);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final Path dataDir = Path.of("target/test-data/readme-" + UUID.randomUUID());

    /** What the transcript's reader knows: shell variables, the latest access token and 2FA secret. */
    private final Map<String, String> variables = new HashMap<>();

    private String accessToken;
    private String secret;
    private int port;

    @Test
    void test_theReadmesQuickStart_worksAsWritten_onAFreshServer() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<ReadmeTranscript> transcripts = ReadmeTranscript.in(readme);
        assertThat(transcripts).as("transcripts in the README").hasSize(1);
        List<Step> steps = transcripts.getFirst().steps();
        assertThat(steps.stream().filter(s -> s.words().getFirst().equals("curl")))
                .as("curl commands of the transcript")
                .hasSizeGreaterThanOrEqualTo(4);

        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(SextantApplication.class)
                .properties("server.port=0", "sextant.data-dir=" + dataDir)
                .run()) {
            port = ((WebServerApplicationContext) server).getWebServer().getPort();
            for (Step step : steps) {
                run(step);
            }
            List<String> addresses =
                    TABLE_ADDRESS.matcher(readme).results().map(m -> m.group(1)).toList();
            assertThat(addresses).as("addresses in the README's table").hasSizeGreaterThan(5);
            for (String address : addresses) {
                HttpResponse<String> answer = send(HttpRequest.newBuilder(local(address))
                        .header("Authorization", "Bearer " + variables.get("TOKEN"))
                        .GET()
                        .build());
                assertThat(answer.statusCode())
                        .as(address + ": " + answer.body())
                        .isEqualTo(200);
            }
        }
    }

    private void run(Step step) throws IOException, InterruptedException {
        List<String> words = step.words();
        if (words.size() == 1 && words.getFirst().matches("\\w+=.*")) {
            String[] assignment = words.getFirst().split("=", 2);
            variables.put(assignment[0], fill(assignment[1]));
            assertThat(step.shown()).as(step.command()).isEmpty();
            return;
        }
        assertThat(words.getFirst())
                .as("a command the test can run: " + step.command())
                .isEqualTo("curl");
        HttpResponse<String> answer = send(curl(words.subList(1, words.size())));
        assertThat(answer.statusCode())
                .as(step.command() + " answered " + answer.body())
                .isBetween(200, 299);
        if (step.shown().isEmpty()) {
            return;
        }
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode actual = JSON.readTree(answer.body());
        List<String> mismatches = new ArrayList<>();
        matches(JSON.readTree(step.shown()), actual, "", mismatches);
        assertThat(mismatches)
                .as(step.command() + "\nREADME shows: " + step.shown() + "\nserver answered: " + answer.body())
                .isEmpty();
        if (actual.has("accessToken")) {
            accessToken = actual.get("accessToken").asString();
        }
        if (actual.has("secret")) {
            secret = actual.get("secret").asString();
        }
    }

    /** The request a {@code curl} command line makes, for the options the README uses. */
    private HttpRequest curl(List<String> arguments) {
        String method = null;
        String body = null;
        String url = null;
        List<String[]> headers = new ArrayList<>();
        for (Iterator<String> it = arguments.iterator(); it.hasNext(); ) {
            String argument = it.next();
            switch (argument) {
                case "-s" -> {}
                case "-X" -> method = it.next();
                case "-H" -> headers.add(fill(it.next()).split(":\\s*", 2));
                case "-d" -> body = fill(it.next());
                default -> {
                    assertThat(argument).as("a curl option the test knows").doesNotStartWith("-");
                    assertThat(url).as("one address per curl").isNull();
                    url = argument;
                }
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(local(fill(url))).timeout(Duration.ofSeconds(20));
        headers.forEach(h -> request.header(h[0], h[1]));
        if (method == null) {
            method = body == null ? "GET" : "POST";
        }
        if (body != null && headers.stream().noneMatch(h -> h[0].equalsIgnoreCase("Content-Type"))) {
            request.header("Content-Type", "application/x-www-form-urlencoded"); // as curl -d sends
        }
        return request.method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** The README's address of the server, made this test server's. */
    private URI local(String address) {
        String withScheme = address.startsWith("http") ? address : "http://" + address;
        assertThat(withScheme).as("the README's server address").startsWith("http://localhost:8080/");
        return URI.create(withScheme.replace("http://localhost:8080/", "http://127.0.0.1:" + port + "/"));
    }

    /** A word with the README's placeholders filled in as a reader would. */
    private String fill(String word) {
        String filled = VARIABLE.matcher(word).replaceAll(m -> {
            assertThat(variables)
                    .as("shell variable " + m.group(1) + " set before use")
                    .containsKey(m.group(1));
            return Matcher.quoteReplacement(variables.get(m.group(1)));
        });
        if (filled.contains("eyJ...")) {
            filled = filled.replace("eyJ...", requireSet(accessToken, "an access token from an earlier answer"));
        }
        return PLACEHOLDER.matcher(filled).replaceAll(m -> Matcher.quoteReplacement(placeholder(m.group())));
    }

    private String placeholder(String placeholder) {
        return switch (placeholder) {
            case "<one-time password>" -> oneTimePassword();
            case "<your passphrase>" -> PASSPHRASE;
            case "<6 digits from your authenticator app>" ->
                TotpCodes.code(
                        requireSet(secret, "a two-factor secret from an earlier answer"),
                        TotpCodes.stepOf(Instant.now()));
            default -> throw new AssertionError("a placeholder this test does not know: " + placeholder);
        };
    }

    private String oneTimePassword() {
        try {
            // As a reader reads it: "username: admin", then "one-time password: ...".
            return Files.readAllLines(dataDir.resolve("first-admin-password")).stream()
                    .filter(line -> line.startsWith("one-time password:"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no one-time password line in first-admin-password"));
        } catch (IOException e) {
            throw new AssertionError("the README's first-admin-password file in the data directory", e);
        }
    }

    private static String requireSet(String value, String what) {
        if (value == null) {
            throw new AssertionError("the README uses " + what + " before any answer gave one");
        }
        return value;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Whether the answer holds what the README shows: each shown field with its shown value (more
     * fields may be there), arrays item by item, {@code ...} in a string for any text, and an array
     * of nothing but {@code "..."} items for any non-empty array of strings.
     */
    private static void matches(JsonNode shown, JsonNode actual, String path, List<String> mismatches) {
        if (actual == null || actual.isNull() && !shown.isNull()) {
            mismatches.add(path + ": missing");
        } else if (shown.isObject()) {
            if (!actual.isObject()) {
                mismatches.add(path + ": not an object");
                return;
            }
            for (Map.Entry<String, JsonNode> field : shown.properties()) {
                String at = path + "." + field.getKey();
                JsonNode value = actual.get(field.getKey());
                if (INSTANTS_OF_THE_RUN.contains(field.getKey()) && value != null && value.isString()) {
                    try {
                        Instant.parse(value.asString());
                    } catch (RuntimeException notAnInstant) {
                        mismatches.add(at + ": not an instant: " + value);
                    }
                } else {
                    matches(field.getValue(), value, at, mismatches);
                }
            }
        } else if (shown.isArray()) {
            if (!actual.isArray()) {
                mismatches.add(path + ": not an array");
            } else if (allElided(shown)) {
                if (actual.isEmpty() || !actual.valueStream().allMatch(JsonNode::isString)) {
                    mismatches.add(path + ": not a non-empty array of strings");
                }
            } else if (shown.size() != actual.size()) {
                mismatches.add(path + ": " + actual.size() + " items, the README shows " + shown.size());
            } else {
                for (int i = 0; i < shown.size(); i++) {
                    matches(shown.get(i), actual.get(i), path + "[" + i + "]", mismatches);
                }
            }
        } else if (shown.isString()) {
            if (!actual.isString()
                    || !elidedPattern(shown.asString())
                            .matcher(actual.asString())
                            .matches()) {
                mismatches.add(path + ": " + actual + ", the README shows " + shown);
            }
        } else if (shown.isNumber()) {
            if (!actual.isNumber() || actual.decimalValue().compareTo(shown.decimalValue()) != 0) {
                mismatches.add(path + ": " + actual + ", the README shows " + shown);
            }
        } else if (!shown.equals(actual)) {
            mismatches.add(path + ": " + actual + ", the README shows " + shown);
        }
    }

    private static boolean allElided(JsonNode array) {
        return !array.isEmpty()
                && array.valueStream()
                        .allMatch(n -> n.isString() && n.asString().matches("\\.{3,}"));
    }

    /** The shown text with each {@code ...} (three dots or more) standing for any non-empty text. */
    private static Pattern elidedPattern(String shown) {
        StringBuilder regex = new StringBuilder();
        String[] parts = shown.split("\\.{3,}", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".+");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
