package dev.sextant.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.alerts.Alerts;
import dev.sextant.analytics.query.Ast;
import dev.sextant.analytics.query.QueryEngine;
import dev.sextant.analytics.series.BarInterval;
import dev.sextant.analytics.series.OhlcvSeries;
import dev.sextant.marketdata.BarRequest;
import dev.sextant.marketdata.BarSeries;
import dev.sextant.marketdata.Fundamentals;
import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.MarketDataService;
import dev.sextant.marketdata.Quote;
import dev.sextant.marketdata.SearchHit;
import dev.sextant.platform.Caller;
import dev.sextant.platform.UserId;
import dev.sextant.streams.UserStreams;
import dev.sextant.support.PostgresSchema;
import dev.sextant.support.RequiresPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * One evaluation round on a market that answers each user differently (as own provider keys do),
 * over the V20 tables on the local PostgreSQL: whose data an alert sees, when it fires, where the
 * firing goes.
 */
@RequiresPostgres
class AlertEvaluatorTest {

    private static final Instant NOW = Instant.parse("2025-06-11T15:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Reads as each user: every quote and bar request is recorded with the user who asked. */
    private static final class PerUserMarket implements MarketDataService {
        final List<String> asked = new CopyOnWriteArrayList<>();
        final Map<UUID, Double> ownPrice = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Quote quote(Caller caller, String symbol) {
            asked.add("quote " + symbol + " as " + caller.user().value());
            double price = ownPrice.getOrDefault(caller.user().value(), 50.0);
            return new Quote(symbol, price, 0, 0, "USD", NOW, "own-key", false, NOW, false);
        }

        @Override
        public BarSeries bars(Caller caller, BarRequest request) {
            asked.add("bars " + request.symbol() + " as " + caller.user().value());
            OhlcvSeries.Builder bars = OhlcvSeries.builder(60);
            LocalDate day = LocalDate.of(2025, 4, 1);
            for (int i = 0; i < 60; i++, day = day.plusDays(1)) {
                double close = 100 + (i % 5);
                bars.add(day.atStartOfDay(ZoneOffset.UTC).toEpochSecond(), close, close + 1, close - 1, close, 1000);
            }
            return new BarSeries(request.symbol(), BarInterval.ONE_DAY, "stub", false, bars.build(), NOW, false);
        }

        @Override
        public List<Instrument> instruments(Caller caller) {
            return List.of();
        }

        @Override
        public Optional<Instrument> instrument(Caller caller, String symbol) {
            return Optional.empty();
        }

        @Override
        public List<SearchHit> search(Caller caller, String text, int limit) {
            return List.of();
        }

        @Override
        public List<Quote> quotes(Caller caller, List<String> symbols) {
            return symbols.stream().map(s -> quote(caller, s)).toList();
        }

        @Override
        public Fundamentals fundamentals(Caller caller, String symbol, LocalDate asOf, Set<String> concepts) {
            throw new UnsupportedOperationException();
        }
    }

    private record Sent(UserId user, String type, Object data) {}

    private final PerUserMarket market = new PerUserMarket();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final UserStreams streams = (user, type, data) -> sent.add(new Sent(user, type, data));
    private final QueryEngine engine = AlertStatements.engine(CLOCK);
    private final JsonMapper json = JsonMapper.builder().build();
    private AlertRepository repository;

    private PostgresSchema schema;

    @BeforeEach
    void database() {
        schema = new PostgresSchema();
        var source = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                schema.url(), RequiresPostgres.USER, "");
        // Every migration, as the server runs them: the V20 tables as they are in production.
        org.flywaydb.core.Flyway.configure()
                .dataSource(source)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        repository = new AlertRepository(JdbcClient.create(source));
    }

    @AfterEach
    void dropSchema() {
        schema.close();
    }

    private AlertEvaluator evaluator(Duration cooldown) {
        return evaluator(cooldown, CLOCK);
    }

    private AlertEvaluator evaluator(Duration cooldown, Clock clock) {
        return new AlertEvaluator(
                engine,
                market,
                new DailyBars(market, CLOCK, Duration.ofMinutes(1)),
                repository,
                streams,
                json,
                new EdgeTrigger(cooldown),
                clock);
    }

    private LiveAlert stored(UUID owner, String statement) {
        Ast.Track track = AlertStatements.track(engine, statement);
        UUID id = UUID.randomUUID();
        repository.insert(new AlertRepository.StoredAlert(
                id,
                owner,
                track.symbol(),
                track.text(),
                track.conditionText(),
                Alerts.State.ACTIVE,
                NOW.minusSeconds(60),
                null,
                null,
                false));
        return new LiveAlert(id, owner, track, false, null);
    }

    private static Quote publicQuote(double price) {
        return new Quote("AAPL", price, 0, 0, "USD", NOW, "public", false, NOW, false);
    }

    @Test
    void test_aPublicQuote_isEvaluatedOnTheOwnersBars_andTheFiringGoesToTheOwnerOnly() {
        UUID alice = UUID.randomUUID();
        LiveAlert alert = stored(alice, "TRACK AAPL WHEN PRICE > 150");

        evaluator(Duration.ZERO).evaluate(new FairQueue.Job(alice, "AAPL", publicQuote(151)), List.of(alert));

        assertThat(market.asked).containsExactly("bars AAPL as " + alice);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().user()).isEqualTo(new UserId(alice));
        assertThat(sent.getFirst().type()).isEqualTo("alert");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) sent.getFirst().data();
        assertThat(data).containsEntry("alert", alert.id.toString()).containsEntry("price", 151.0);
        assertThat(data).containsEntry("provider", "public").containsEntry("condition", "PRICE > 150");
        List<String> firings = repository.firings(alice, alert.id, 10);
        assertThat(firings).hasSize(1);
        Alerts.Firing firing = json.readValue(firings.getFirst(), Alerts.Firing.class);
        assertThat(firing.price()).isEqualTo(151);
        assertThat(firing.values()).containsEntry("PRICE", 151.0);
        assertThat(firing.demo()).isFalse();
    }

    @Test
    void test_aQuoteBoughtWithTheOwnersKey_isReadAsTheOwner_neverAsAnotherUser() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        market.ownPrice.put(alice, 175.0);
        market.ownPrice.put(bob, 999.0);
        LiveAlert alices = stored(alice, "TRACK AAPL WHEN PRICE > 150");

        evaluator(Duration.ZERO).evaluate(new FairQueue.Job(alice, "AAPL", null), List.of(alices));

        assertThat(market.asked).containsExactly("quote AAPL as " + alice, "bars AAPL as " + alice);
        assertThat(market.asked).noneMatch(line -> line.contains(bob.toString()));
        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.user()).isEqualTo(new UserId(alice));
            assertThat(((Map<?, ?>) message.data()).get("price")).isEqualTo(175.0);
            assertThat(((Map<?, ?>) message.data()).get("provider")).isEqualTo("own-key");
        });
    }

    @Test
    void test_edgeAndCooldown_onASequenceOfQuotes() {
        UUID owner = UUID.randomUUID();
        LiveAlert cooled = stored(owner, "TRACK AAPL WHEN PRICE > 150");
        LiveAlert eager = stored(owner, "TRACK AAPL WHEN PRICE > 150");
        // A clock a second on at each reading: each evaluation happens at its own moment.
        java.util.concurrent.atomic.AtomicLong seconds = new java.util.concurrent.atomic.AtomicLong();
        Clock ticking = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.plusSeconds(seconds.incrementAndGet());
            }
        };
        AlertEvaluator hourly = evaluator(Duration.ofHours(1), ticking);
        AlertEvaluator always = evaluator(Duration.ZERO, ticking);
        double[] prices = {100, 151, 152, 140, 155, 120, 160};

        for (double price : prices) {
            FairQueue.Job job = new FairQueue.Job(owner, "AAPL", publicQuote(price));
            hourly.evaluate(job, List.of(cooled));
            always.evaluate(job, List.of(eager));
        }

        List<Object> coolFired = sent.stream()
                .map(s -> (Map<?, ?>) s.data())
                .filter(d -> d.get("alert").equals(cooled.id.toString()))
                .map(d -> (Object) d.get("price"))
                .toList();
        List<Object> eagerFired = sent.stream()
                .map(s -> (Map<?, ?>) s.data())
                .filter(d -> d.get("alert").equals(eager.id.toString()))
                .map(d -> (Object) d.get("price"))
                .toList();
        // Every crossing above 150 fires without a cooldown (at 151, 155 and 160, not at 152: still true).
        assertThat(eagerFired).containsExactly(151.0, 155.0, 160.0);
        // With an hour's cooldown (the evaluations a few seconds apart), only the first crossing fires.
        assertThat(coolFired).containsExactly(151.0);
        assertThat(cooled.met).isTrue();
        assertThat(repository.firings(owner, cooled.id, 10)).hasSize(1);
    }
}
