package dev.sextant.marketdata.internal.catalog;

import dev.sextant.identity.HotRead;
import dev.sextant.platform.Caller;
import dev.sextant.platform.Role;
import dev.sextant.platform.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quotes are the most polled read: dashboards and bots ask for them every few seconds and they
 * are answered from the quote cache, so they take the hot read path. Each route answers through
 * {@link QuoteReads}, as its {@link MarketDataController} method does, under the controller's rule
 * (role user, scope {@code marketdata:read}).
 */
@Configuration(proxyBeanMethods = false)
class QuoteHotReads {

    private static final String QUOTES = "/api/v1/quotes";
    private static final String ONE_QUOTE = QUOTES + "/";
    /**
     * Path segments taken here: a symbol's characters (with {@code ^} also percent-encoded) and at
     * least one letter or digit. Anything else, other escapes, {@code ;} or dot segments included,
     * is left to the full stack and its request firewall.
     */
    private static final Pattern SYMBOL_SEGMENT = Pattern.compile("(?=.*[A-Za-z0-9])[A-Za-z0-9^.=_-]{1,32}");

    @Bean
    HotRead oneQuote(QuoteReads quotes) {
        return new MarketDataRead(QUOTES + "/{symbol}") {
            @Override
            public boolean matches(HttpServletRequest request) {
                String uri = request.getRequestURI();
                return request.getQueryString() == null
                        && uri.startsWith(ONE_QUOTE)
                        && SYMBOL_SEGMENT.matcher(symbolOf(uri)).matches();
            }

            @Override
            public Object answer(HttpServletRequest request, Caller caller) {
                return quotes.one(caller, symbolOf(request.getRequestURI()));
            }

            private static String symbolOf(String uri) {
                return uri.substring(ONE_QUOTE.length()).replace("%5E", "^").replace("%5e", "^");
            }
        };
    }

    @Bean
    HotRead quoteBatch(QuoteReads quotes) {
        return new MarketDataRead(QUOTES) {
            @Override
            public boolean matches(HttpServletRequest request) {
                if (!QUOTES.equals(request.getRequestURI()) || request.getQueryString() == null) {
                    return false;
                }
                String[] symbols = request.getParameterValues("symbols");
                return symbols != null
                        && symbols.length == 1
                        && request.getParameterMap().size() == 1;
            }

            @Override
            public Object answer(HttpServletRequest request, Caller caller) {
                return quotes.commaSeparated(caller, request.getParameter("symbols"));
            }
        };
    }

    /** A read under the market data controller's rule. */
    private abstract static class MarketDataRead implements HotRead {
        private final String pathPattern;

        MarketDataRead(String pathPattern) {
            this.pathPattern = pathPattern;
        }

        @Override
        public String pathPattern() {
            return pathPattern;
        }

        @Override
        public Role role() {
            return Role.USER;
        }

        @Override
        public Scope scope() {
            return Scope.MARKET_DATA_READ;
        }
    }
}
