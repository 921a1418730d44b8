package dev.sextant.identity.internal;

import dev.sextant.platform.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque refresh tokens: 256 random bits behind the prefix {@code sx_rt_}, stored only as SHA-256
 * hashes (a fast hash suffices for random secrets of that size). Every use rotates the token; a
 * token used twice means a copy was stolen, and the whole family is revoked.
 */
@Component
class RefreshTokens {

    static final String PREFIX = "sx_rt_";
    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    /** The outcome of presenting a refresh token. */
    sealed interface Rotation {
        record Rotated(UserId userId, String nextToken) implements Rotation {}

        /** A token that was already used: its family is now revoked. */
        record Reused(UserId userId) implements Rotation {}

        record Invalid() implements Rotation {}
    }

    private final RefreshTokenRepository repository;
    private final IdentityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(RefreshTokenRepository repository, IdentityProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a new family (a new login) and returns its first token. */
    String startFamily(UserId userId) {
        return issue(UUID.randomUUID(), userId);
    }

    @Transactional
    Rotation rotate(String token) {
        String hash = hash(token);
        Instant now = clock.instant();
        if (repository.markUsedIfLive(hash, now)) {
            RefreshTokenRepository.StoredToken stored = repository.find(hash).orElseThrow();
            return new Rotation.Rotated(stored.userId(), issue(stored.familyId(), stored.userId()));
        }
        return repository
                .find(hash)
                .<Rotation>map(stored -> {
                    if (stored.used()) {
                        int revoked = repository.revokeFamily(stored.familyId(), now);
                        log.warn(
                                "Refresh token reuse for user {}: revoked its family ({} live tokens)",
                                stored.userId(),
                                revoked);
                        return new Rotation.Reused(stored.userId());
                    }
                    return new Rotation.Invalid();
                })
                .orElseGet(Rotation.Invalid::new);
    }

    /** Revokes the family of the given token (logout) and answers whose it was; unknown tokens change nothing. */
    Optional<UserId> revokeFamilyOf(String token) {
        return repository.find(hash(token)).map(stored -> {
            repository.revokeFamily(stored.familyId(), clock.instant());
            return stored.userId();
        });
    }

    void revokeAllOf(UserId userId) {
        repository.revokeAllOf(userId, clock.instant());
    }

    private String issue(UUID familyId, UserId userId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        repository.insert(familyId, userId, hash(token), now, now.plus(properties.refreshTokenTtl()));
        return token;
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
