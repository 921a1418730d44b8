package dev.sextant.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.ProblemType;
import dev.sextant.platform.Scope;
import dev.sextant.platform.UserId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API keys: {@code sx_live_} + 256 random bits, so that a leaked key is easy to grep for. Stored
 * only as HMAC-SHA256 under a server key: a fast keyed hash (a key this random needs no slow
 * password hash, and a request must not pay argon2's cost), useless to anyone who steals the table
 * but not the server key. The server key is derived from the token signing key, so rotating that
 * key also retires every API key.
 */
@Component
class ApiKeys {

    static final String PREFIX = "sx_live_";
    static final int MAX_LIVE_KEYS_PER_USER = 50;
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    static final Duration MAX_LIFETIME = Duration.ofDays(730);
    static final ProblemType TOO_MANY_KEYS = ProblemType.of("too-many-api-keys", 409, "Too many API keys");
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    static final String HASH_DOMAIN = "api-key";

    /** A key just created: the only moment its secret exists outside the caller's hands. */
    record CreatedKey(ApiKeyRepository.StoredKey key, String secret) {
        @Override
        public String toString() {
            return "CreatedKey[" + key.id() + ", secret=****]";
        }
    }

    /**
     * What became of an account's live keys when its credentials were reset (a password change,
     * signing out everywhere): revoked, or kept at the user's explicit choice.
     */
    record Settlement(List<UUID> revoked, List<UUID> kept) {
        Settlement {
            revoked = List.copyOf(revoked);
            kept = List.copyOf(kept);
        }
    }

    private final ApiKeyRepository repository;
    private final Clock clock;
    private final Mac prototype;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Optional<ApiKeyRepository.StoredKey>> byHash = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(UserDirectory.MAX_STALENESS)
            .build();
    private final Map<UUID, Instant> lastUseWritten = new ConcurrentHashMap<>();

    ApiKeys(ApiKeyRepository repository, SigningKey signingKey, Clock clock) throws GeneralSecurityException {
        this.repository = repository;
        this.clock = clock;
        // Same derivation as KeyedHash, kept as a ready Mac: this hash runs on every API-key request.
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(signingKey.bytes(), "HmacSHA256"));
        byte[] hashKey = derive.doFinal(("sextant/" + HASH_DOMAIN + "/v1").getBytes(StandardCharsets.UTF_8));
        this.prototype = Mac.getInstance("HmacSHA256");
        this.prototype.init(new SecretKeySpec(hashKey, "HmacSHA256"));
    }

    CreatedKey create(UserId owner, String name, Set<Scope> scopes, Instant expiresAt) {
        Instant now = clock.instant();
        Instant expiry = expiresAt != null ? expiresAt : now.plus(DEFAULT_LIFETIME);
        if (!expiry.isAfter(now) || expiry.isAfter(now.plus(MAX_LIFETIME))) {
            throw ApiProblem.invalidParameter(
                    "expiresAt",
                    "'expiresAt' must be in the future and at most " + MAX_LIFETIME.toDays() + " days away.");
        }
        if (repository.countLive(owner, now) >= MAX_LIVE_KEYS_PER_USER) {
            throw new ApiProblem(
                    TOO_MANY_KEYS,
                    "An account can hold " + MAX_LIVE_KEYS_PER_USER + " live API keys; revoke one first.");
        }
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        ApiKeyRepository.StoredKey key = new ApiKeyRepository.StoredKey(
                UUID.randomUUID(),
                owner,
                name,
                secret.substring(0, PREFIX.length() + 6),
                scopes,
                now,
                expiry,
                null,
                null);
        repository.insert(key, hash(secret));
        return new CreatedKey(key, secret);
    }

    List<ApiKeyRepository.StoredKey> list(UserId owner) {
        return repository.findByOwner(owner);
    }

    boolean revoke(UserId owner, UUID id) {
        Optional<String> hash = repository.hashOf(owner, id);
        boolean revoked = repository.revoke(owner, id, clock.instant());
        hash.ifPresent(found -> forget(List.of(found)));
        return revoked;
    }

    /**
     * Revokes every live key of the account, or with {@code keep} none, and says which. Keys are
     * credentials of their own: without this, a session stolen once could mint a key that outlives
     * the victim's password change.
     */
    Settlement settle(UserId owner, boolean keep) {
        List<ApiKeyRepository.LiveKey> live = repository.findLive(owner, clock.instant());
        if (keep) {
            return new Settlement(
                    List.of(), live.stream().map(ApiKeyRepository.LiveKey::id).toList());
        }
        Instant now = clock.instant();
        List<UUID> revoked = live.stream()
                .filter(key -> repository.revoke(owner, key.id(), now))
                .map(ApiKeyRepository.LiveKey::id)
                .toList();
        forget(live.stream().map(ApiKeyRepository.LiveKey::keyHash).toList());
        return new Settlement(revoked, List.of());
    }

    /**
     * Drops cached look-ups now and again when the surrounding transaction commits: a request
     * checking the key in between would otherwise cache the row as it was before the commit.
     */
    private void forget(List<String> hashes) {
        hashes.forEach(byHash::invalidate);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    hashes.forEach(byHash::invalidate);
                }
            });
        }
    }

    /** The live key with this secret, recording its use at most once a minute. */
    Optional<ApiKeyRepository.StoredKey> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiKeyRepository.StoredKey> key =
                byHash.get(hash(secret), repository::findByHash).filter(found -> found.isLive(now));
        key.ifPresent(found -> recordUse(found.id(), now));
        return key;
    }

    private void recordUse(UUID id, Instant now) {
        Instant written = lastUseWritten.get(id);
        if (written == null || !now.isBefore(written.plus(LAST_USED_RESOLUTION))) {
            lastUseWritten.put(id, now);
            repository.touch(id, now);
        }
    }

    String hash(String secret) {
        try {
            Mac mac = (Mac) prototype.clone();
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
