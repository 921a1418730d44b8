package dev.sextant.analysis.internal;

import dev.sextant.analytics.indicators.IndicatorCatalog;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The indicator operation's documentation, generated from the registry ({@link IndicatorCatalog})
 * so that it never lists fewer indicators than are served: the description names each with its
 * parameters, and {@code name} is an enum of the registry's names.
 */
@Configuration(proxyBeanMethods = false)
class IndicatorOpenApi {

    @Bean
    OperationCustomizer indicatorRegistry() {
        return (operation, handler) -> {
            if (handler.getBeanType() != IndicatorController.class
                    || !handler.getMethod().getName().equals("indicator")) {
                return operation;
            }
            List<String> names = List.copyOf(IndicatorCatalog.ALL.keySet());
            operation.setDescription(operation.getDescription() + " The " + names.size()
                    + " indicators and their parameters: " + catalogue() + ".");
            operation.addParametersItem(new Parameter()
                    .in("query")
                    .name("name")
                    .required(true)
                    .description("The indicator, in any case (GET /api/v1/indicators lists them)")
                    .schema(new StringSchema()._enum(names)));
            return operation;
        };
    }

    /** E.g. {@code SMA(period), ..., MACD(fast, slow, signal)}. */
    private static String catalogue() {
        return IndicatorCatalog.ALL.values().stream()
                .map(d -> d.name()
                        + d.params().stream()
                                .map(IndicatorCatalog.Param::name)
                                .collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(", "));
    }
}
