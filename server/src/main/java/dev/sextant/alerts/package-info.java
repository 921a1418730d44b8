/**
 * Alerts: a user's {@code TRACK symbol WHEN condition} statements, evaluated on live quotes, fired
 * when their condition becomes true and delivered on the owner's open streams.
 *
 * <p>Public face: {@link dev.sextant.alerts.Alerts} (store, list, pause, resume, delete, firing
 * history) and {@link dev.sextant.alerts.AlertRefusals}. Conditions are evaluated by the analytics
 * query engine ({@code QueryEngine.evaluate}), the same one that runs queries; quotes come from the
 * streams module's {@link dev.sextant.streams.QuoteFeed} and market data's {@code QuoteRefreshed}
 * events; firings leave through {@link dev.sextant.streams.UserStreams}. Nothing depends on this
 * module but the query endpoint, which stores a TRACK through the face.
 */
@NullMarked
package dev.sextant.alerts;

import org.jspecify.annotations.NullMarked;
