package dev.sextant.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.SextantApplication;
import dev.sextant.audit.AuditEventType;
import dev.sextant.audit.AuditIntegrity;
import dev.sextant.audit.AuditLog;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Someone with database access edits or deletes audit rows: verification finds it, both in the
 * server and as the {@code audit verify} command. A server of its own, since these tests break the chain.
 */
class AuditChainTamperTest {

    static final String DATA_DIR = "target/test-data/audit-tamper-" + UUID.randomUUID();
    static ConfigurableApplicationContext server;
    static JdbcClient jdbc;
    static AuditVerifier verifier;

    @BeforeAll
    static void start() {
        server = new SpringApplicationBuilder(SextantApplication.class)
                .properties("server.port=0", "sextant.data-dir=" + DATA_DIR)
                .run();
        jdbc = server.getBean(JdbcClient.class);
        verifier = server.getBean(AuditVerifier.class);
        AuditLog audit = server.getBean(AuditLog.class);
        for (int i = 0; i < 5; i++) {
            audit.record(AuditEventType.LOGIN_FAILED, null, "mallory-" + i, Map.of("attempt", Integer.toString(i)));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void chainStartsIntact() {
        assertThat(verifier.verify().intact()).isTrue();
    }

    private static Map<String, Object> row(long seq) {
        return jdbc.sql("SELECT * FROM audit_event WHERE seq = :seq")
                .param("seq", seq)
                .query()
                .singleRow();
    }

    private static void reinsert(Map<String, Object> row) {
        jdbc.sql("INSERT INTO audit_event (seq, occurred_at, type, actor, subject, client_address, request_id, "
                        + "details, prev_hash, hash) VALUES (:seq, :occurred_at, :type, :actor, :subject, :client_address, "
                        + ":request_id, :details, :prev_hash, :hash)")
                .params(row)
                .update();
    }

    @Test
    void test_editedRow_isFound() {
        Map<String, Object> original = row(3);
        jdbc.sql("UPDATE audit_event SET subject = 'innocent' WHERE seq = 3").update();

        AuditIntegrity.Verification verdict = verifier.verify();

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.problem()).isEqualTo("event 3 was altered");
        jdbc.sql("UPDATE audit_event SET subject = :subject WHERE seq = 3")
                .param("subject", original.get("subject"))
                .update();
    }

    @Test
    void test_rowEditedWithARecomputedHash_breaksTheNextLink() {
        Map<String, Object> original = row(2);
        AuditRecord forged = new AuditRecord(
                        2,
                        ((OffsetDateTime) original.get("occurred_at")).toInstant(),
                        (String) original.get("type"),
                        null,
                        "innocent",
                        null,
                        null,
                        (String) original.get("details"),
                        (String) original.get("prev_hash"),
                        null)
                .sealed();
        jdbc.sql("UPDATE audit_event SET subject = 'innocent', client_address = NULL, request_id = NULL, hash = :hash "
                        + "WHERE seq = 2")
                .param("hash", forged.hash())
                .update();

        AuditIntegrity.Verification verdict = verifier.verify();

        assertThat(verdict.problem()).isEqualTo("event 3 does not link to event 2");
        jdbc.sql("DELETE FROM audit_event WHERE seq = 2").update();
        reinsert(original);
    }

    @Test
    void test_deletedRow_isFound() {
        Map<String, Object> original = row(4);
        jdbc.sql("DELETE FROM audit_event WHERE seq = 4").update();

        assertThat(verifier.verify().problem()).isEqualTo("event 4 is missing (next is 5)");
        reinsert(original);
    }

    @Test
    void test_deletedNewestRow_isFound() {
        long last =
                jdbc.sql("SELECT MAX(seq) FROM audit_event").query(Long.class).single();
        Map<String, Object> original = row(last);
        jdbc.sql("DELETE FROM audit_event WHERE seq = :seq").param("seq", last).update();

        assertThat(verifier.verify().problem()).contains("newer events were removed");
        reinsert(original);
    }

    @Test
    void test_verifyCommand_exitsNonZeroOnABrokenChain() {
        Map<String, Object> original = row(1);
        jdbc.sql("UPDATE audit_event SET type = 'LOGIN_SUCCEEDED' WHERE seq = 1")
                .update();
        int broken = runVerifyCommand();
        jdbc.sql("UPDATE audit_event SET type = :type WHERE seq = 1")
                .param("type", original.get("type"))
                .update();
        int intact = runVerifyCommand();

        assertThat(broken).isEqualTo(1);
        assertThat(intact).isZero();
    }

    private static int runVerifyCommand() {
        // The same database file, opened by a second process-like application while the server runs.
        ConfigurableApplicationContext command = new SpringApplicationBuilder(SextantApplication.class)
                .properties(
                        "sextant.data-dir=" + DATA_DIR,
                        "spring.main.web-application-type=none",
                        "sextant.command=audit-verify")
                .run();
        return SpringApplication.exit(command);
    }
}
