package dev.sextant.identity;

import dev.sextant.platform.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The caller of an authenticated HTTP request, for code that serves requests outside Spring MVC
 * (the MCP servlet), where the {@code Caller} controller argument does not reach. The same
 * translation as for controllers: the account, its role, the scopes its credential carries.
 */
public interface RequestCallers {

    /** The caller the request authenticated as, or empty for an anonymous request or one not allowed to act. */
    Optional<Caller> of(HttpServletRequest request);
}
