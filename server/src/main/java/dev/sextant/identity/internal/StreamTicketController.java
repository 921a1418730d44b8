package dev.sextant.identity.internal;

import dev.sextant.identity.RequiresScope;
import dev.sextant.identity.StreamCredentials;
import dev.sextant.platform.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tickets for browsers' WebSocket streams: a browser cannot send an {@code Authorization} header
 * on a WebSocket handshake, so it asks here (with its access token or API key) for a short-lived,
 * single-use ticket and opens {@code /ws/stream?ticket=...}. The stream then lasts as long as the
 * credential the ticket was issued for stands.
 */
@RestController
@RequestMapping(path = "/api/v1/stream/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Streams", description = "Live prices over WebSocket at /ws/stream.")
@PreAuthorize("hasRole('USER')")
@RequiresScope(Scope.MARKET_DATA_READ)
class StreamTicketController {

    /** @param ticket pass it once as {@code /ws/stream?ticket=...} before {@code expiresAt} */
    record TicketView(String ticket, Instant expiresAt, String url) {}

    private final StreamCredentials credentials;

    StreamTicketController(StreamCredentials credentials) {
        this.credentials = credentials;
    }

    @PostMapping(consumes = MediaType.ALL_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A single-use ticket (30 s) to open /ws/stream from a browser")
    TicketView issue(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestHeader(name = Credentials.API_KEY_HEADER, required = false) @Nullable String apiKey) {
        StreamCredentials.Ticket ticket = credentials.issueTicket(authorization, apiKey);
        return new TicketView(ticket.ticket(), ticket.expiresAt(), "/ws/stream?ticket=" + ticket.ticket());
    }
}
