/** The Sextant server: the application class and one top-level package per module (see docs/ARCHITECTURE.md). */
@NullMarked
package dev.sextant;

import org.jspecify.annotations.NullMarked;
