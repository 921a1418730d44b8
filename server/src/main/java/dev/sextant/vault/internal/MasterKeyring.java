package dev.sextant.vault.internal;

import dev.sextant.platform.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The master keys: the current one wraps new data keys; earlier ones still unwrap data keys not yet
 * re-wrapped. Each key is known by an id derived from it (not secret), stored beside every wrapped
 * data key. Keys come from configuration, or on embedded defaults from {@code master.key} (current)
 * and {@code master.key.previous} (one per line) in the data directory, created owner-only; file
 * keys are re-read when a data key names an unknown master key, so a rotation done by the command
 * reaches a running server without a restart.
 */
@Component
class MasterKeyring {

    static final String KEY_FILE = "master.key";
    static final String PREVIOUS_FILE = "master.key.previous";

    record MasterKey(String id, SecretKey key) {
        @Override
        public String toString() {
            return "MasterKey[" + id + "]";
        }
    }

    private final VaultProperties properties;
    private final Path keyFile;
    private final Path previousFile;
    private volatile Map<String, MasterKey> keys;
    private volatile MasterKey current;

    MasterKeyring(VaultProperties properties, DataDirectory dataDirectory) {
        this.properties = properties;
        this.keyFile = dataDirectory.resolve(KEY_FILE);
        this.previousFile = dataDirectory.resolve(PREVIOUS_FILE);
        load();
    }

    boolean fromConfiguration() {
        return !properties.masterKey().isBlank();
    }

    MasterKey current() {
        return current;
    }

    Optional<MasterKey> find(String id) {
        MasterKey key = keys.get(id);
        if (key == null && !fromConfiguration()) {
            load();
            key = keys.get(id);
        }
        return Optional.ofNullable(key);
    }

    /** Makes a new file master key current and keeps the old one as previous (embedded defaults only). */
    synchronized MasterKey rotateFileKey() {
        if (fromConfiguration()) {
            throw new IllegalStateException("The master key comes from SEXTANT_MASTER_KEY; rotate it there");
        }
        String old = read(keyFile).orElseThrow();
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            if (!Files.exists(previousFile)) {
                createOwnerOnly(previousFile);
            }
            Files.writeString(previousFile, old + "\n", StandardOpenOption.APPEND);
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rotate the master key files", e);
        }
        load();
        return current;
    }

    private synchronized void load() {
        List<String> encoded = new ArrayList<>();
        if (fromConfiguration()) {
            encoded.add(properties.masterKey());
            Arrays.stream(properties.masterKeyPrevious().split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(encoded::add);
        } else {
            encoded.add(read(keyFile).orElseGet(this::createKeyFile));
            read(previousFile)
                    .ifPresent(text -> text.lines()
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .forEach(encoded::add));
        }
        Map<String, MasterKey> loaded = new LinkedHashMap<>();
        for (String text : encoded) {
            MasterKey key = decode(text);
            loaded.putIfAbsent(key.id(), key);
        }
        this.keys = Map.copyOf(loaded);
        this.current = decode(encoded.getFirst());
    }

    private static MasterKey decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("A master key is not base64 (SEXTANT_MASTER_KEY: openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("A master key must be 32 bytes (256 bits), base64-encoded");
        }
        return new MasterKey(idOf(bytes), new SecretKeySpec(bytes, "AES"));
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("sextant/master-key-id/v1".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(key)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String createKeyFile() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        String encoded = Base64.getEncoder().encodeToString(fresh);
        try {
            createOwnerOnly(keyFile);
            Files.writeString(keyFile, encoded);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the master key file " + keyFile, e);
        }
        return encoded;
    }

    private static void createOwnerOnly(Path file) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
