package dev.sextant.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.alerts.Alerts;
import dev.sextant.analytics.query.Ast;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import dev.sextant.support.PostgresSchema;
import dev.sextant.support.RequiresPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Alerts on PostgreSQL, the production database: stored, claimed once under concurrency, audited, deleted whole. */
@RequiresPostgres
class AlertsOnPostgresTest {

    @Test
    void test_alerts_storeClaimOnceAndDeleteWithTheirFirings_onPostgres() throws Exception {
        try (PostgresSchema schema = new PostgresSchema();
                ConfigurableApplicationContext context = new SpringApplicationBuilder(SextantApplication.class)
                        .properties(
                                "server.port=0",
                                "sextant.data-dir=target/test-data/alerts-pg-${random.uuid}",
                                "sextant.db.url=" + schema.url(),
                                "sextant.db.username=" + RequiresPostgres.USER)
                        .run()) {
            UserId id = context.getBean(AccountAdministration.class)
                    .createAccount("alerts-pg", null, "Correct-Horse-7-Battery", Set.of(Role.USER), false);
            Caller user = Caller.session(id, Role.USER);
            Alerts alerts = context.getBean(Alerts.class);
            AlertRepository repository = context.getBean(AlertRepository.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            var engine = AlertStatements.engine(java.time.Clock.systemUTC());

            Alerts.Alert alert = alerts.track(
                    user, (Ast.Track) engine.parse("TRACK spy WHEN PRICE < 1").getFirst());
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int node = 0; node < 8; node++) {
                claims.add(() -> repository.claimFiring(alert.id(), now, now.minus(Duration.ofMinutes(15))));
            }
            int won = 0;
            try (ExecutorService nodes = Executors.newFixedThreadPool(8)) {
                for (Future<Boolean> claim : nodes.invokeAll(claims)) {
                    won += claim.get() ? 1 : 0;
                }
            }
            Map<String, Double> values = new java.util.LinkedHashMap<>();
            values.put("PRICE", 0.5);
            values.put("RSI(14)", null);
            Alerts.Firing firing = new Alerts.Firing(alert.id(), "SPY", now, 0.5, now, values, "demo", true);
            repository.insertFiring(
                    alert.id(),
                    now,
                    context.getBean(tools.jackson.databind.json.JsonMapper.class)
                            .writeValueAsString(firing));

            List<Alerts.Firing> history = alerts.firings(user, alert.id(), 10);
            Alerts.Alert paused = alerts.setState(user, alert.id(), Alerts.State.PAUSED);
            List<String> audited = jdbc.sql("SELECT type FROM audit_event WHERE subject = :id ORDER BY seq")
                    .param("id", alert.id().toString())
                    .query(String.class)
                    .list();
            alerts.delete(user, alert.id());

            assertThat(alert.symbol()).isEqualTo("SPY");
            assertThat(alert.statement()).isEqualTo("TRACK SPY WHEN PRICE < 1");
            assertThat(won).isEqualTo(1);
            assertThat(history).containsExactly(firing);
            assertThat(paused.state()).isEqualTo(Alerts.State.PAUSED);
            assertThat(paused.lastFiredAt()).isEqualTo(now);
            assertThat(audited).containsExactly("ALERT_CREATED", "ALERT_PAUSED");
            assertThat(alerts.owned(user)).isEmpty();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_firing")
                            .query(Long.class)
                            .single())
                    .as("deleted with its alert")
                    .isZero();
        }
    }
}
