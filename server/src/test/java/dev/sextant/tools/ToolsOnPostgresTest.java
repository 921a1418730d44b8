package dev.sextant.tools;

import static dev.sextant.tools.ToolAnswers.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Role;
import dev.sextant.platform.UserId;
import dev.sextant.support.PostgresSchema;
import dev.sextant.support.RequiresPostgres;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The write tools and paging on PostgreSQL, the production database: stored, read back, audited. */
@RequiresPostgres
class ToolsOnPostgresTest {

    @Test
    void test_writeTools_storeAndAudit_andImportedBarsPageBackWhole_onPostgres() {
        try (PostgresSchema schema = new PostgresSchema();
                ConfigurableApplicationContext context = new SpringApplicationBuilder(SextantApplication.class)
                        .properties(
                                "server.port=0",
                                "sextant.data-dir=target/test-data/tools-pg-${random.uuid}",
                                "sextant.db.url=" + schema.url(),
                                "sextant.db.username=" + RequiresPostgres.USER)
                        .run()) {
            ToolCatalog catalog = context.getBean(ToolCatalog.class);
            ToolAnswers answers = new ToolAnswers(catalog);
            UserId id = context.getBean(AccountAdministration.class)
                    .createAccount("tools-pg", null, "Correct-Horse-7-Battery", Set.of(Role.ANALYST), false);
            Caller analyst = Caller.session(id, Role.ANALYST);

            answers.success(
                    "add_to_watchlist",
                    catalog.call(analyst, "add_to_watchlist", args("name", "pg", "symbols", List.of("AAPL", "SPY"))));
            List<List<Object>> rows = new ArrayList<>();
            LocalDate day = LocalDate.of(2023, 1, 2);
            for (int i = 0; i < 23; i++, day = day.plusDays(1)) {
                rows.add(List.of(day.toString(), 10 + i, 11 + i, 9 + i, 10.5 + i, 1000 + i));
            }
            answers.success(
                    "import_bars", catalog.call(analyst, "import_bars", args("symbol", "PG.IMP", "rows", rows)));

            JsonNode list =
                    answers.success("get_watchlist", catalog.call(analyst, "get_watchlist", args("name", "pg")));
            List<Double> closes = new ArrayList<>();
            String cursor = null;
            do {
                var arguments = args("symbol", "PG.IMP", "from", "2023-01-01", "to", "2023-01-31", "limit", 5);
                if (cursor != null) {
                    arguments.put("cursor", cursor);
                }
                JsonNode page = answers.success("get_bars", catalog.call(analyst, "get_bars", arguments));
                page.get("bars").forEach(bar -> closes.add(bar.get(4).asDouble()));
                cursor = page.get("nextCursor").isNull()
                        ? null
                        : page.get("nextCursor").asString();
            } while (cursor != null && closes.size() < 100);

            assertThat(list.get("symbols").toString()).isEqualTo("[\"AAPL\",\"SPY\"]");
            assertThat(closes).hasSize(23).startsWith(10.5, 11.5).endsWith(32.5).doesNotHaveDuplicates();
            assertThat(context.getBean(JdbcClient.class)
                            .sql(
                                    "SELECT subject FROM audit_event WHERE type = 'TOOL_WRITE' AND actor = :actor ORDER BY seq")
                            .param("actor", id.toString())
                            .query(String.class)
                            .list())
                    .containsExactly("add_to_watchlist", "import_bars");
        }
    }
}
