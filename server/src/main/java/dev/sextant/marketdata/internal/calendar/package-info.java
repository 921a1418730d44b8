/** Exchange calendars and trading sessions: which days trade, when sessions open and close. */
@NullMarked
package dev.sextant.marketdata.internal.calendar;

import org.jspecify.annotations.NullMarked;
