/** Envelope encryption of users' secrets: the cipher, the master keyring and its rotation, the repository and the secrets controller. */
@NullMarked
package dev.sextant.vault.internal;

import org.jspecify.annotations.NullMarked;
