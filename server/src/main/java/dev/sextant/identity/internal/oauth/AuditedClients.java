package dev.sextant.identity.internal.oauth;

import dev.sextant.audit.AuditEventType;
import dev.sextant.audit.AuditLog;
import java.net.URI;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The client store and consent store, with each registration and each consent audited. */
final class AuditedClients {

    private AuditedClients() {}

    /** Registrations: the client's id, name and redirect hosts (never a secret: public clients have none). */
    static final class Registrations implements RegisteredClientRepository {
        private final RegisteredClientRepository delegate;
        private final AuditLog audit;

        Registrations(RegisteredClientRepository delegate, AuditLog audit) {
            this.delegate = delegate;
            this.audit = audit;
        }

        @Override
        public void save(RegisteredClient client) {
            boolean fresh = delegate.findById(client.getId()) == null;
            delegate.save(client);
            if (fresh) {
                audit.record(
                        AuditEventType.OAUTH_CLIENT_REGISTERED,
                        null,
                        client.getClientId(),
                        Map.of(
                                "name", client.getClientName(),
                                "redirectHosts", redirectHosts(client)));
            }
        }

        @Override
        public @Nullable RegisteredClient findById(String id) {
            return delegate.findById(id);
        }

        @Override
        public @Nullable RegisteredClient findByClientId(String clientId) {
            return delegate.findByClientId(clientId);
        }
    }

    static String redirectHosts(RegisteredClient client) {
        return client.getRedirectUris().stream()
                .map(uri -> {
                    URI parsed = URI.create(uri);
                    return parsed.getScheme() + "://" + parsed.getAuthority();
                })
                .collect(Collectors.toCollection(TreeSet::new))
                .toString();
    }

    /** Consents given: who allowed which client which scopes. */
    static final class Consents implements OAuth2AuthorizationConsentService {
        private final OAuth2AuthorizationConsentService delegate;
        private final AuditLog audit;

        Consents(OAuth2AuthorizationConsentService delegate, AuditLog audit) {
            this.delegate = delegate;
            this.audit = audit;
        }

        @Override
        public void save(OAuth2AuthorizationConsent consent) {
            delegate.save(consent);
            audit.record(
                    AuditEventType.OAUTH_CONSENT,
                    consent.getPrincipalName(),
                    consent.getRegisteredClientId(),
                    Map.of("decision", "allowed", "scopes", String.join(" ", new TreeSet<>(consent.getScopes()))));
        }

        @Override
        public void remove(OAuth2AuthorizationConsent consent) {
            delegate.remove(consent);
        }

        @Override
        public @Nullable OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
            return delegate.findById(registeredClientId, principalName);
        }
    }
}
