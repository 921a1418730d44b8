package dev.sextant.vault.internal;

import dev.sextant.audit.AuditEventType;
import dev.sextant.audit.AuditLog;
import dev.sextant.identity.SessionOnly;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.Caller;
import dev.sextant.platform.ProblemType;
import dev.sextant.platform.UserId;
import dev.sextant.vault.Vault;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own provider keys (BYOK). Values go in and never come back out: answers
 * show them masked. Managed from a signed-in session only, never with an API key.
 */
@RestController
@RequestMapping(path = "/api/v1/me/secrets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Your provider keys", description = "LLM and data-provider keys, encrypted at rest, shown masked.")
@PreAuthorize("hasRole('USER')")
@SessionOnly
class SecretController {

    record NewSecret(
            @NotBlank @Size(max = 40) String purpose,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 4096) String value) {
        @Override
        public String toString() {
            return "NewSecret[" + purpose + ", " + name + ", value=****]";
        }
    }

    record SecretList(List<Vault.StoredSecret> secrets) {}

    private final Vault vault;
    private final AuditLog audit;

    SecretController(Vault vault, AuditLog audit) {
        this.vault = vault;
        this.audit = audit;
    }

    private static UserId owner(Caller caller) {
        return caller.user();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Store a provider key, e.g. purpose llm:openai; answered masked")
    Vault.StoredSecret store(Caller caller, @Valid @RequestBody NewSecret secret) {
        if (secret.purpose().startsWith(Vault.SYSTEM_PURPOSE_PREFIX)) {
            throw ApiProblem.invalidParameter("purpose", "Purposes starting with 'sextant:' are reserved.");
        }
        return vault.store(owner(caller), secret.purpose(), secret.name(), secret.value());
    }

    @GetMapping
    @Operation(summary = "List your stored provider keys, masked")
    SecretList list(Caller caller) {
        audit.record(
                AuditEventType.DATA_ACCESS,
                caller.user().toString(),
                caller.user().toString(),
                Map.of("read", "provider keys"));
        return new SecretList(vault.list(owner(caller)).stream()
                .filter(secret -> !secret.purpose().startsWith(Vault.SYSTEM_PURPOSE_PREFIX))
                .toList());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a stored provider key")
    void delete(Caller caller, @PathVariable UUID id) {
        boolean own = vault.list(owner(caller)).stream()
                .anyMatch(
                        secret -> secret.id().equals(id) && !secret.purpose().startsWith(Vault.SYSTEM_PURPOSE_PREFIX));
        if (!own || !vault.delete(owner(caller), id)) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "You have no stored key with that id.");
        }
    }
}
