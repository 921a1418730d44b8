/**
 * Vault: the users' own API keys for LLM and data providers (BYOK), encrypted at rest with
 * AES-256-GCM envelope encryption under a master key, and never shown again after they are stored.
 *
 * <p>Public face: {@link dev.sextant.vault.Vault} and {@link dev.sextant.vault.SecretMask}.
 */
@NullMarked
package dev.sextant.vault;

import org.jspecify.annotations.NullMarked;
