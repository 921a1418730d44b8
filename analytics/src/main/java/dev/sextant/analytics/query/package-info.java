/** The FK-DSL: lexer, parser, AST, metrics from the indicator registry, conditions and the query engine over a caller-supplied data source. */
@NullMarked
package dev.sextant.analytics.query;

import org.jspecify.annotations.NullMarked;
