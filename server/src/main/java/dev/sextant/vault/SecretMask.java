package dev.sextant.vault;

/**
 * How a secret is shown when it must be referred to: its first three and last four characters
 * ({@code sk-...abcd}), or nothing of it when it is too short for that to be safe.
 */
public final class SecretMask {

    private static final int MIN_LENGTH_TO_REVEAL_EDGES = 16;

    private SecretMask() {}

    public static String mask(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH_TO_REVEAL_EDGES) {
            return "****";
        }
        return secret.substring(0, 3) + "..." + secret.substring(secret.length() - 4);
    }
}
