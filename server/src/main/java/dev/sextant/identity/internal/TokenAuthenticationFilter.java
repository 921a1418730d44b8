package dev.sextant.identity.internal;

import dev.sextant.platform.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <access token>}. A request without the header goes on
 * anonymous; one with a header that does not hold a genuine, current token of an existing account
 * is refused here with 401, whatever it asked for. An account that must change its password gets
 * only the authority to do that.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";
    private static final String BEARER = "Bearer ";

    private final AccessTokens accessTokens;
    private final UserDirectory directory;
    private final ProblemWriter problems;

    TokenAuthenticationFilter(AccessTokens accessTokens, UserDirectory directory, ProblemWriter problems) {
        this.accessTokens = accessTokens;
        this.directory = directory;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(request, response, "Send the access token as 'Authorization: Bearer <token>'.");
            return;
        }
        Optional<Account> account = accessTokens.verify(header.substring(BEARER.length()).strip())
                .flatMap(claims -> directory.find(claims.userId())
                        .filter(found -> found.securityVersion() == claims.securityVersion()));
        if (account.isEmpty()) {
            refuse(request, response, "The access token is invalid or expired. Refresh it or sign in again.");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                account.get().toUser(), null, authorities(account.get())));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static List<GrantedAuthority> authorities(Account account) {
        if (account.mustChangePassword()) {
            return List.of(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
        }
        return account.roles().stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        problems.write(request, response, IdentityProblems.INVALID_TOKEN, detail);
    }
}
