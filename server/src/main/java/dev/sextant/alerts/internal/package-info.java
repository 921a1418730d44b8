/**
 * The alerts module's internals: the store, the HTTP controller, the live index of active alerts
 * by symbol, the fair evaluation queue and the edge trigger.
 */
@NullMarked
package dev.sextant.alerts.internal;

import org.jspecify.annotations.NullMarked;
