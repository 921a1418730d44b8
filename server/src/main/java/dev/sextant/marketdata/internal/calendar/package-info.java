/** Exchange calendars and trading sessions: which days trade, when sessions open and close. */
package dev.sextant.marketdata.internal.calendar;
