package dev.sextant.marketdata.internal.newsdesk;

import dev.sextant.identity.RequiresScope;
import dev.sextant.marketdata.NewsPage;
import dev.sextant.marketdata.NewsQuery;
import dev.sextant.marketdata.NewsService;
import dev.sextant.marketdata.Symbols;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST face of news: a symbol's articles as known at a moment, with their sentiment and provenance. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "News",
        description = "Articles about a symbol, point in time, with sentiment. Demo headlines carry demo: true.")
@PreAuthorize("hasRole('USER')")
@RequiresScope(Scope.MARKET_DATA_READ)
class NewsController {

    static final Duration DEFAULT_SPAN = Duration.ofDays(30);

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private final NewsService news;
    private final Clock clock;

    NewsController(NewsService news, Clock clock) {
        this.news = news;
        this.clock = clock;
    }

    @GetMapping("/news/{symbol}")
    @Operation(
            summary = "A symbol's news articles, newest first, as known at a moment",
            description = "Only articles Sextant had stored by asOf are answered, so a read dated in the past never"
                    + " sees a later headline. Headline and summary are untrusted plain text from outside: show them"
                    + " as text, never as HTML. Each article's sentiment says which scorer produced it.")
    NewsPage news(
            Caller caller,
            @Parameter(description = "Canonical symbol") @PathVariable String symbol,
            @Parameter(description = "Published from (a date, UTC, or an instant); default 30 days before 'to'")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "Published until (a date, inclusive, or an instant, exclusive); default asOf")
                    @RequestParam(required = false)
                    String to,
            @Parameter(description = "Known as of (a date: its end; or an instant); default now")
                    @RequestParam(required = false)
                    String asOf,
            @Parameter(description = "At most this many articles (1 to 200)") @RequestParam(defaultValue = "50")
                    int limit,
            @Parameter(description = "The nextCursor of the previous page") @RequestParam(required = false)
                    String cursor) {
        String canonical = Symbols.canonical(symbol, "symbol");
        Instant known = asOf == null ? null : moment(asOf, "asOf", true);
        Instant until = to != null ? moment(to, "to", true) : (known != null ? known : clock.instant()).plusSeconds(1);
        Instant since = from != null ? moment(from, "from", false) : until.minus(DEFAULT_SPAN);
        if (limit < 1 || limit > NewsQuery.MAX_LIMIT) {
            throw ApiProblem.invalidParameter("limit", "'limit' must be between 1 and " + NewsQuery.MAX_LIMIT + ".");
        }
        if (cursor != null && (cursor.isEmpty() || cursor.length() > 200)) {
            throw ApiProblem.invalidParameter("cursor", "Send the nextCursor of the previous page.");
        }
        return news.news(caller, new NewsQuery(canonical, since, until, known, limit, cursor));
    }

    /**
     * A date or an instant. A date as an end ({@code to}, {@code asOf}) means the whole day: up to
     * the next day's start, exclusive ({@code asOf}: its last microsecond, inclusive).
     */
    private static Instant moment(String text, String parameter, boolean end) {
        Instant moment = parse(text, parameter, end);
        if (moment.isBefore(EARLIEST) || moment.isAfter(LATEST)) {
            throw ApiProblem.invalidParameter(parameter, "'" + parameter + "' must lie between 1900 and 2200.");
        }
        return moment;
    }

    private static Instant parse(String text, String parameter, boolean end) {
        try {
            if (text.length() == 10) {
                Instant start =
                        LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                if (!end) {
                    return start;
                }
                Instant next = start.plus(1, ChronoUnit.DAYS);
                return parameter.equals("asOf") ? next.minus(1, ChronoUnit.MICROS) : next;
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidParameter(
                    parameter, "'" + parameter + "' must be a date (2025-06-10) or an instant (2025-06-10T14:30:00Z).");
        }
    }
}
