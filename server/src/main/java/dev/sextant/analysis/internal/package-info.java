/** The implementation of {@link dev.sextant.analysis.Analysis} and its thin controllers, FK-DSL execution with per-account admission and a fair compute pool. */
@NullMarked
package dev.sextant.analysis.internal;

import org.jspecify.annotations.NullMarked;
