package dev.sextant.audit.internal;

import dev.sextant.audit.AuditEventType;
import dev.sextant.audit.AuditIntegrity;
import dev.sextant.audit.AuditLog;
import dev.sextant.identity.RequiresScope;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit log for administrators: filtered, paged, newest first, and its integrity. */
@RestController
@RequestMapping(path = "/api/v1/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration")
@PreAuthorize("hasRole('ADMIN')")
@RequiresScope(Scope.ADMIN)
class AuditController {

    record EventView(
            long seq,
            Instant occurredAt,
            String type,
            String actor,
            String subject,
            String clientAddress,
            String requestId,
            JsonNode details) {}

    record EventPage(List<EventView> events, int page, int size, boolean hasMore) {}

    private final AuditRepository repository;
    private final AuditVerifier verifier;
    private final AuditLog audit;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditController(AuditRepository repository, AuditVerifier verifier, AuditLog audit) {
        this.repository = repository;
        this.verifier = verifier;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Audit events, newest first, filtered by type, actor and time")
    EventPage events(
            Caller reader,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (type != null
                && Arrays.stream(AuditEventType.values())
                        .noneMatch(t -> t.name().equals(type))) {
            throw ApiProblem.invalidParameter(
                    "type",
                    "Unknown event type '" + type + "'; use one of " + Arrays.toString(AuditEventType.values()) + ".");
        }
        List<AuditRecord> found = repository.find(new AuditRepository.Query(type, actor, from, to, page, size));
        boolean hasMore = found.size() > size;
        audit.record(
                AuditEventType.AUDIT_LOG_READ,
                reader.user().toString(),
                null,
                Map.of("filter", "type=" + type + ",actor=" + actor + ",page=" + page));
        return new EventPage(found.stream().limit(size).map(this::view).toList(), page, size, hasMore);
    }

    @GetMapping("/verify")
    @Operation(summary = "Check the hash chain: intact, or the first event that was altered or removed")
    AuditIntegrity.Verification verify() {
        return verifier.verify();
    }

    private EventView view(AuditRecord record) {
        return new EventView(
                record.seq(),
                record.occurredAt(),
                record.type(),
                record.actor(),
                record.subject(),
                record.clientAddress(),
                record.requestId(),
                json.readTree(record.details()));
    }
}
