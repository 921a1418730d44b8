package dev.sextant.marketdata.internal.provider;

import java.net.URI;

/** What every provider reached over HTTP holds: the HTTP helper, its base URL and its profile. */
abstract class HttpProvider implements MarketDataProvider {

    protected final ProviderHttp http;
    protected final URI base;
    private final ProviderProfile profile;

    protected HttpProvider(ProviderHttp http, URI base, ProviderProfile profile) {
        this.http = http;
        this.base = base;
        this.profile = profile;
    }

    @Override
    public final ProviderProfile profile() {
        return profile;
    }
}
