package dev.sextant.identity;

import dev.sextant.platform.Caller;
import dev.sextant.platform.Role;
import dev.sextant.platform.Scope;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A GET endpoint read so often that it is answered ahead of the full web stack (Spring Security's
 * filter chain and Spring MVC), whose fixed cost per request is many times the cost of serving a
 * cached answer. Only what is the same for every such read is skipped: the identity module still
 * checks the credential with the same code as the filter chain, applies the endpoint's role and
 * scope rule, draws on the caller's request budget and writes the same security headers. A request
 * this path does not take (another method, a browser's cross-origin request, no credential, a
 * credential not good enough) goes through the full stack, which answers it as it always has.
 *
 * <p>An implementation mirrors one controller method and must answer exactly as it does, errors
 * included ({@link dev.sextant.platform.ApiProblem}s are written as problem documents).
 */
public interface HotRead {

    /** Whether this route answers the request: on the path and query only, cheaply. */
    boolean matches(HttpServletRequest request);

    /** The endpoint's path pattern, e.g. {@code /api/v1/quotes/{symbol}}, for the HTTP metrics. */
    String pathPattern();

    /** The least role the caller must hold, as in the endpoint's {@code @PreAuthorize}. */
    Role role();

    /** The scope the credential must carry, as in the endpoint's {@code @PreAuthorize}. */
    Scope scope();

    /**
     * The answer body, written as JSON, for {@code caller}. Throws {@link dev.sextant.platform.ApiProblem} for a
     * request the endpoint would refuse.
     */
    Object answer(HttpServletRequest request, Caller caller);
}
