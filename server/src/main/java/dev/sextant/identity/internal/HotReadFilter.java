package dev.sextant.identity.internal;

import dev.sextant.identity.HotRead;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.DomainException;
import dev.sextant.platform.ProblemType;
import dev.sextant.platform.ProblemWriter;
import dev.sextant.platform.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the {@link HotRead} routes ahead of Spring Security's filter chain and Spring MVC. Runs
 * after the request id, body limit and HTTP metrics filters, so those still see the request.
 *
 * <p>Takes only a GET for JSON with a credential that {@link Credentials} accepts and that holds
 * the route's role and scope, and without an {@code Origin} header (cross-origin rules are the CORS
 * filter's). Anything else is passed on untouched to the full stack, which then refuses or answers
 * it exactly as before; so this path can add speed but never access.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class HotReadFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(HotReadFilter.class);

    private final List<HotRead> routes;
    private final Credentials credentials;
    private final SecurityHeaders securityHeaders;
    private final RateLimitFilter rateLimit;
    private final ProblemWriter problems;
    private final JsonMapper json;
    private final CorsConfigurationSource corsConfigurations;
    private final CorsProcessor cors = new DefaultCorsProcessor();

    HotReadFilter(
            List<HotRead> routes,
            Credentials credentials,
            SecurityHeaders securityHeaders,
            RateLimitFilter rateLimit,
            ProblemWriter problems,
            JsonMapper json,
            // The one Spring Security's CORS step uses (by this name), not MVC's handler introspector.
            @Qualifier("corsConfigurationSource") CorsConfigurationSource corsConfigurations) {
        this.routes = List.copyOf(routes);
        this.credentials = credentials;
        this.securityHeaders = securityHeaders;
        this.rateLimit = rateLimit;
        this.problems = problems;
        this.json = json;
        this.corsConfigurations = corsConfigurations;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return routes.isEmpty()
                || !"GET".equals(request.getMethod())
                || request.getHeader(HttpHeaders.ORIGIN) != null
                || !acceptsJson(request.getHeader(HttpHeaders.ACCEPT))
                || (request.getHeader(HttpHeaders.AUTHORIZATION) == null
                        && request.getHeader(Credentials.API_KEY_HEADER) == null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<HotRead> route = routeFor(request);
        if (route.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Credentials.Outcome outcome = credentials.checkOnce(request);
        if (!(outcome instanceof Credentials.Authenticated caller)
                || !caller.user().has(route.get().role())
                || !caller.holds(route.get().scope().authority())) {
            chain.doFilter(request, response);
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(caller.authentication());
        try {
            answer(route.get(), caller, request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void answer(
            HotRead route, Credentials.Authenticated caller, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(context -> context.setPathPattern(route.pathPattern()));
        securityHeaders.write(request, response);
        // Not a cross-origin request (those never come here), so this only adds the Vary headers
        // that tell caches the answer would differ for one, as the filter chain's CORS step does.
        CorsConfiguration corsConfiguration = corsConfigurations.getCorsConfiguration(request);
        if (corsConfiguration != null) {
            cors.processRequest(corsConfiguration, request, response);
        }
        if (!rateLimit.admit(request, response)) {
            return;
        }
        Object body;
        try {
            body = route.answer(
                    request, CallerOf.authentication(caller.authentication()).orElseThrow());
        } catch (ApiProblem problem) {
            problems.write(request, response, problem);
            return;
        } catch (DomainException refused) {
            problems.write(request, response, ApiProblem.from(refused));
            return;
        } catch (RuntimeException failure) {
            log.error("Unhandled failure answering {} {}", request.getMethod(), request.getRequestURI(), failure);
            problems.write(request, response, ProblemType.INTERNAL_ERROR, ProblemType.INTERNAL_ERROR_DETAIL);
            return;
        }
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * Whether the caller takes JSON. Anything it might not ({@code application/xml}, a type refused
     * with {@code q=0}, an unreadable header) is left to the full stack's content negotiation.
     */
    private static boolean acceptsJson(String accept) {
        if (accept == null) {
            return true;
        }
        try {
            List<MediaType> accepted = MediaType.parseMediaTypes(accept);
            return accepted.stream().noneMatch(type -> type.getQualityValue() == 0)
                    && accepted.stream().anyMatch(type -> type.includes(MediaType.APPLICATION_JSON));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    private Optional<HotRead> routeFor(HttpServletRequest request) {
        for (HotRead route : routes) {
            if (route.matches(request)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }
}
