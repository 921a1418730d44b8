package dev.sextant.platform.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and description; the paths come from the controllers. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI sextantOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Sextant API")
                .version("v1")
                .description("Self-hosted financial intelligence server. Errors are RFC 9457 "
                        + "application/problem+json with a stable type and a requestId. Values from the built-in "
                        + "demo market are synthetic and carry demo: true.")
                .license(new License().name("Sextant")));
    }
}
