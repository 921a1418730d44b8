package dev.sextant.audit.internal;

import dev.sextant.audit.AuditEventType;
import dev.sextant.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the hash chain, each in its own transaction, so that an event is kept even
 * when the work it describes fails and rolls back. Appends are serialised by a row lock on the
 * chain head, which holds across nodes sharing one database. Once the event is committed its
 * sequence number and hash go to the {@link AuditHeadFile}, before the caller carries on, so that a
 * later loss of the newest events is noticed by {@link AuditVerifier}.
 */
@Service
class ChainedAuditLog implements AuditLog {

    private static final int MAX_TEXT = 200;

    private final AuditRepository repository;
    private final AuditHeadFile headFile;
    private final AuditProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final JsonMapper json = JsonMapper.builder().build();

    ChainedAuditLog(
            AuditRepository repository,
            AuditHeadFile headFile,
            AuditProperties properties,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.headFile = headFile;
        this.properties = properties;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(AuditEventType type, String actor, String subject, Map<String, String> details) {
        if (type.isDataAccess() && !properties.dataAccess()) {
            return;
        }
        // Micro-second precision: what both databases store, so the hash reads back identical.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String canonicalDetails = json.writeValueAsString(new TreeMap<>(details));
        String requestId = MDC.get("requestId");
        String address = clientAddress();
        AuditRecord appended = ownTransaction.execute(status -> {
            AuditRepository.Head head = repository.lockHead();
            AuditRecord record = new AuditRecord(
                            head.lastSeq() + 1,
                            now,
                            type.name(),
                            cut(actor),
                            cut(subject),
                            address,
                            requestId,
                            canonicalDetails,
                            head.lastHash(),
                            null)
                    .sealed();
            repository.append(record);
            return record;
        });
        headFile.advanceTo(appended.seq(), appended.hash());
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
