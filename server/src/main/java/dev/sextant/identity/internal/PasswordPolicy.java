package dev.sextant.identity.internal;

import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a new password must be (NIST SP 800-63B): long enough, not absurdly long, not on the list
 * of passwords attackers try first, and not the username. No composition rules: they make
 * passwords harder to remember, not to guess.
 */
@Component
class PasswordPolicy {

    static final ProblemType WEAK_PASSWORD = ProblemType.of("weak-password", 400, "Password too weak");
    static final int MIN_LENGTH = 10;
    /** Generous, for passphrases and password managers; argon2 cost does not depend on the length. */
    static final int MAX_LENGTH = 256;

    private final Set<String> common;

    PasswordPolicy() {
        try (InputStream list = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            common = new String(list.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Throws a {@code weak-password} problem listing every rule the password breaks; its
     * {@code field} is {@code field}, the request member that carried the password (e.g.
     * {@code password} at registration, {@code newPassword} at a password change).
     */
    void check(String password, String username, String field) {
        List<String> problems = new ArrayList<>();
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("use at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            problems.add("use at most " + MAX_LENGTH + " characters");
        }
        if (password != null) {
            String lower = password.toLowerCase(Locale.ROOT);
            if (common.contains(lower) || common.contains(lower.replaceAll("[0-9!.?]+$", ""))) {
                problems.add("it is on the list of commonly used passwords");
            }
            if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
                problems.add("it must not contain the username");
            }
            if (length >= 1 && password.codePoints().distinct().count() < 4) {
                problems.add("use more than three different characters");
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(
                    WEAK_PASSWORD,
                    "Choose another password: " + String.join("; ", problems) + ".",
                    Map.of("field", field));
        }
    }
}
