package dev.sextant.identity.internal;

import dev.sextant.audit.AuditEventType;
import dev.sextant.audit.AuditLog;
import dev.sextant.identity.AuthenticatedUser;
import dev.sextant.identity.SessionOnly;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.ProblemType;
import dev.sextant.platform.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's API keys. Managed only from a signed-in session, never with an API key,
 * so that a leaked key cannot mint more keys.
 */
@RestController
@RequestMapping(path = "/api/v1/me/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "API keys", description = "Keys for programs and MCP clients: shown once, scoped, expiring.")
@PreAuthorize("hasRole('USER')")
@SessionOnly
class ApiKeyController {

    record NewKey(
            @NotBlank @Size(max = 100) String name,
            @NotEmpty @Size(max = 5) List<@NotBlank String> scopes,
            Instant expiresAt) {}

    record KeyView(
            String id,
            String name,
            String prefix,
            List<String> scopes,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsedAt) {
        static KeyView of(ApiKeyRepository.StoredKey key) {
            return new KeyView(
                    key.id().toString(),
                    key.name(),
                    key.prefix(),
                    key.scopes().stream().map(Scope::wireName).sorted().toList(),
                    key.createdAt(),
                    key.expiresAt(),
                    key.revokedAt(),
                    key.lastUsedAt());
        }
    }

    record CreatedKeyView(
            String id,
            String key,
            String name,
            String prefix,
            List<String> scopes,
            Instant createdAt,
            Instant expiresAt) {
        @Override
        public String toString() {
            return "CreatedKeyView[" + id + ", key=****]";
        }
    }

    record KeyList(List<KeyView> apiKeys) {}

    /**
     * @param grantable whether the signed-in account may put it on a key (its role allows it)
     */
    record ScopeView(String name, String description, String minimumRole, boolean grantable) {}

    record ScopeList(List<ScopeView> scopes) {}

    private final ApiKeys keys;
    private final AuditLog audit;

    ApiKeyController(ApiKeys keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API key; the key is in this answer only")
    CreatedKeyView create(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody NewKey request) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : request.scopes()) {
            Scope scope = Scope.fromWireName(name)
                    .orElseThrow(() -> ApiProblem.invalidParameter(
                            "scopes",
                            "Unknown scope '" + name + "'; use one of " + String.join(", ", Scope.wireNames()) + "."));
            if (!user.has(scope.minimumRole())) {
                throw new ApiProblem(ProblemType.FORBIDDEN, "Your account cannot grant the scope '" + name + "'.");
            }
            scopes.add(scope);
        }
        ApiKeys.CreatedKey created = keys.create(user.id(), request.name().strip(), scopes, request.expiresAt());
        audit.record(
                AuditEventType.API_KEY_CREATED,
                user.getName(),
                created.key().id().toString(),
                Map.of(
                        "scopes",
                        scopes.stream().map(Scope::wireName).sorted().toList().toString(),
                        "prefix",
                        created.key().prefix()));
        KeyView view = KeyView.of(created.key());
        return new CreatedKeyView(
                view.id(),
                created.secret(),
                view.name(),
                view.prefix(),
                view.scopes(),
                view.createdAt(),
                view.expiresAt());
    }

    @GetMapping("/scopes")
    @Operation(summary = "The scopes a key can hold, what each allows, and whether this account may grant it")
    ScopeList scopes(@AuthenticationPrincipal AuthenticatedUser user) {
        return new ScopeList(Arrays.stream(Scope.values())
                .map(scope -> new ScopeView(
                        scope.wireName(),
                        describe(scope),
                        scope.minimumRole().wireName(),
                        user.has(scope.minimumRole())))
                .toList());
    }

    private static String describe(Scope scope) {
        return switch (scope) {
            case MARKET_DATA_READ -> "Read market data: instruments, quotes, bars, search, fundamentals, watchlists.";
            case MARKET_DATA_WRITE -> "Change data: watchlists, bar imports, alerts.";
            case ANALYSIS -> "Run computations: indicators, risk, correlation, queries.";
            case TRADING -> "Reserved for trading; no endpoint needs it yet.";
            case ADMIN -> "Administration: accounts, providers, the audit log.";
        };
    }

    @GetMapping
    @Operation(summary = "List the account's API keys (never the keys themselves)")
    KeyList list(@AuthenticationPrincipal AuthenticatedUser user) {
        audit.record(AuditEventType.DATA_ACCESS, user.getName(), user.getName(), Map.of("read", "API keys"));
        return new KeyList(keys.list(user.id()).stream().map(KeyView::of).toList());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API key; it stops working at once")
    void revoke(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
        if (!keys.revoke(user.id(), id)) {
            // The same answer for another user's key as for no key: ids reveal nothing.
            throw new ApiProblem(ProblemType.NOT_FOUND, "You have no live API key with that id.");
        }
        audit.record(AuditEventType.API_KEY_REVOKED, user.getName(), id.toString());
    }
}
