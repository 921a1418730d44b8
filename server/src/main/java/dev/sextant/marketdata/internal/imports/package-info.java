/**
 * Bar files users import (CSV), who owns each imported symbol, and the price source that serves
 * them.
 */
@NullMarked
package dev.sextant.marketdata.internal.imports;

import org.jspecify.annotations.NullMarked;
