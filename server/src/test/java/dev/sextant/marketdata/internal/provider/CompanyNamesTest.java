package dev.sextant.marketdata.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a text-searched news source is asked for, from a catalog name. */
class CompanyNamesTest {

    private static Optional<String> term(String symbol, String name) {
        CompanyNames names = s -> Optional.ofNullable(Map.of(symbol, name).get(s));
        return names.searchTerm(symbol);
    }

    @Test
    void test_legalFormsAndShareClasses_areLeftOut() {
        assertThat(term("AAPL", "Apple Inc.")).contains("Apple");
        assertThat(term("META", "Meta Platforms, Inc. Class A Common Stock")).contains("Meta Platforms");
        assertThat(term("BRK-B", "BERKSHIRE HATHAWAY INC")).contains("BERKSHIRE HATHAWAY");
        assertThat(term("SAP", "SAP SE")).as("nothing left but the ticker").isEmpty();
        assertThat(term("T", "AT&T Inc.")).contains("AT&T");
        assertThat(term("IBM", "IBM Corp"))
                .as("the name says no more than the ticker")
                .isEmpty();
        assertThat(CompanyNames.none().searchTerm("AAPL")).isEmpty();
    }

    @Test
    void test_searchSyntax_inACatalogName_cannotChangeTheQuery() {
        assertThat(term("EVIL", "Evil\" OR \"bitcoin")).contains("Evil OR bitcoin");
        assertThat(term("EVIL", "(Evil) AND NOT (x) sourcelang:french*")).contains("Evil AND NOT x sourcelang french");
        assertThat(term("EVL", "Evil\nWidgets\u0000Corp")).contains("Evil Widgets");
        assertThat(term("EVIL", "\"\"")).isEmpty();
    }
}
