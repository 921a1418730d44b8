package dev.sextant.marketdata.internal.provider;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the items of an RSS 2.0 or Atom feed. Feeds are untrusted: a document that declares a DTD
 * is refused outright (no entity of any kind is expanded, nothing external is fetched), the caller
 * bounds the size before parsing, and reading stops after {@link #MAX_ITEMS} items.
 */
final class FeedParser {

    static final int MAX_ITEMS = 1_000;

    /** One item as the feed gives it; {@code publishedAt} null when its date cannot be read. */
    record Item(String title, String link, String summary, String source, Instant publishedAt, List<String> tickers) {}

    /** RFC 822 allows these North American zone names, which {@link DateTimeFormatter#RFC_1123_DATE_TIME} does not read. */
    private static final Map<String, String> ZONES = Map.of(
            "UT", "+0000", "Z", "+0000", "EST", "-0500", "EDT", "-0400", "CST", "-0600", "CDT", "-0500", "MST", "-0700",
            "MDT", "-0600", "PST", "-0800", "PDT", "-0700");

    private final XMLInputFactory factory;

    FeedParser() {
        // The JDK's own StAX implementation, whatever else is on the class path, locked down.
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    List<Item> items(String provider, String xml) {
        List<Item> items = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new StringReader(xml));
            boolean feed = false;
            while (reader.hasNext() && items.size() < MAX_ITEMS) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new ProviderFailure(
                            provider, ProviderFailure.Kind.BAD_DATA, "feed declares a DTD or entities");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = reader.getLocalName();
                if (name.equals("rss") || name.equals("feed") || name.equals("RDF")) {
                    feed = true;
                } else if (feed && (name.equals("item") || name.equals("entry"))) {
                    items.add(item(provider, reader, name));
                }
            }
            if (!feed) {
                throw new ProviderFailure(provider, ProviderFailure.Kind.BAD_DATA, "answer is not an RSS or Atom feed");
            }
            return items;
        } catch (XMLStreamException e) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.BAD_DATA, "feed is not well-formed XML");
        } finally {
            close(reader);
        }
    }

    /** Reads one item or entry, the reader on its start tag; leaves it on its end tag. */
    private static Item item(String provider, XMLStreamReader reader, String element) throws XMLStreamException {
        String title = null;
        String link = null;
        String summary = null;
        String source = null;
        String creator = null;
        String date = null;
        String atomDate = null;
        List<String> tickers = List.of();
        int depth = 1;
        while (depth > 0 && reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.DTD) {
                throw new ProviderFailure(provider, ProviderFailure.Kind.BAD_DATA, "feed declares a DTD or entities");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (depth > 1) {
                depth++;
                continue;
            }
            String name = reader.getLocalName();
            if (name.equals("link") && reader.getAttributeValue(null, "href") != null) {
                // Atom: <link href="..." rel="alternate"/>; the first alternate (or rel-less) link is the article.
                String rel = reader.getAttributeValue(null, "rel");
                if (link == null && (rel == null || rel.equals("alternate"))) {
                    link = reader.getAttributeValue(null, "href");
                }
                depth++;
                continue;
            }
            String text = text(provider, reader);
            switch (name) {
                case "title" -> title = text;
                case "link" -> link = link == null ? text : link;
                case "description", "summary" -> summary = summary == null ? text : summary;
                case "content" -> summary = summary == null ? text : summary;
                case "source" -> source = text;
                case "creator" -> creator = text;
                case "pubDate", "published", "date" -> date = date == null ? text : date;
                case "updated" -> atomDate = text;
                case "tickers" ->
                    tickers = Arrays.stream(text.split(","))
                            .map(String::strip)
                            .filter(tag -> !tag.isEmpty())
                            .toList();
                default -> {}
            }
        }
        return new Item(
                title, link, summary, source != null ? source : creator, date(date != null ? date : atomDate), tickers);
    }

    /** The text of the element the reader is on, child elements' text included; leaves it on the end tag. */
    private static String text(String provider, XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(reader.getText());
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD ->
                    throw new ProviderFailure(
                            provider, ProviderFailure.Kind.BAD_DATA, "feed declares a DTD or entities");
                default -> {}
            }
        }
        return text.toString().strip();
    }

    /** RSS's RFC 822 dates ("Tue, 10 Jun 2025 14:30:00 +0000", "... GMT", "... EDT") or Atom's RFC 3339. */
    static Instant date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException notIso) {
            int space = value.lastIndexOf(' ');
            String zone = space < 0 ? "" : value.substring(space + 1);
            String rfc1123 = ZONES.containsKey(zone) ? value.substring(0, space + 1) + ZONES.get(zone) : value;
            try {
                return ZonedDateTime.parse(rfc1123, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (DateTimeException notRfc822) {
                return null;
            }
        }
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // Nothing is held open on a string.
            }
        }
    }
}
