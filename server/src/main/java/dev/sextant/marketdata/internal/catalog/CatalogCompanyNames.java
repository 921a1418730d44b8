package dev.sextant.marketdata.internal.catalog;

import dev.sextant.marketdata.Instrument;
import dev.sextant.marketdata.internal.provider.CompanyNames;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Company names for the text-searched news sources, from the instrument catalog. */
@Component
class CatalogCompanyNames implements CompanyNames {

    private final InstrumentRepository instruments;

    CatalogCompanyNames(InstrumentRepository instruments) {
        this.instruments = instruments;
    }

    @Override
    public Optional<String> nameOf(String symbol) {
        return instruments.findBySymbol(symbol).map(Instrument::name);
    }
}
