package dev.sextant.platform.internal;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.PermitAll;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells whoever opens the server's root where to go next. */
@RestController
@PermitAll
@Hidden
class WelcomeController {

    record Welcome(String name, String docs, String openapi, String health, String metrics) {}

    @GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
    Welcome welcome() {
        return new Welcome("Sextant", "/api/docs", "/api/openapi.json", "/health", "/metrics");
    }
}
