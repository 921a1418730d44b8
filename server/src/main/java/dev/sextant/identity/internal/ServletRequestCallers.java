package dev.sextant.identity.internal;

import dev.sextant.identity.RequestCallers;
import dev.sextant.platform.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Reads the authentication Spring Security put on the request itself (its servlet API integration
 * answers {@link HttpServletRequest#getUserPrincipal()} with it), never a thread-local, so the
 * caller is the request's whichever thread asks.
 */
@Component
class ServletRequestCallers implements RequestCallers {

    @Override
    public Optional<Caller> of(HttpServletRequest request) {
        return request.getUserPrincipal() instanceof Authentication authentication
                ? CallerOf.authentication(authentication)
                : Optional.empty();
    }
}
