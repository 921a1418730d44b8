/** The tools themselves and the catalog that checks arguments, scopes and budgets before a handler runs. */
@NullMarked
package dev.sextant.tools.internal;

import org.jspecify.annotations.NullMarked;
