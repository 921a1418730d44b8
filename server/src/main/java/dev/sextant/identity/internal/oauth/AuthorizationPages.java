package dev.sextant.identity.internal.oauth;

import dev.sextant.identity.internal.InteractiveSignIn;
import dev.sextant.platform.ApiProblem;
import dev.sextant.platform.Role;
import dev.sextant.platform.Scope;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages a person sees while an application connects: sign in with the Sextant account (password,
 * then the TOTP or a recovery code when two-factor sign-in is on), then the consent screen naming the
 * application, where it sends you back, and the scopes in plain words, limited to what the account's
 * role allows. The session these pages create serves this flow only (the OAuth chain); the API
 * stays stateless.
 */
@Controller
@PermitAll
class AuthorizationPages {

    static final String LOGIN = "/oauth2/login";
    static final String SECOND_FACTOR = "/oauth2/login/code";
    static final String CONSENT = "/oauth2/consent";
    private static final String PENDING = AuthorizationPages.class.getName() + ".secondFactor";

    private static final Map<Scope, String> IN_WORDS = Map.of(
            Scope.MARKET_DATA_READ, "Read market data: instruments, quotes, bars, fundamentals and your watchlists",
            Scope.MARKET_DATA_WRITE, "Change your data: edit your watchlists and import bars",
            Scope.ANALYSIS, "Run computations: indicators, risk, correlation and queries",
            Scope.TRADING, "Trading (reserved: nothing uses it yet)",
            Scope.ADMIN, "Administer Sextant: accounts, providers and the audit log");

    private final InteractiveSignIn signIn;
    private final RegisteredClientRepository clients;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final RequestCache requests = new HttpSessionRequestCache();

    AuthorizationPages(InteractiveSignIn signIn, RegisteredClientRepository clients) {
        this.signIn = signIn;
        this.clients = clients;
    }

    @GetMapping(LOGIN)
    void loginPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        loginForm(request, response, 200, null);
    }

    @PostMapping(LOGIN)
    void login(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        InteractiveSignIn.Step step;
        try {
            step = signIn.password(username, password, request.getRemoteAddr());
        } catch (ApiProblem refused) {
            refused.headers().forEach(response::setHeader);
            loginForm(request, response, refused.type().status(), refused.getMessage());
            return;
        }
        proceed(step, request, response);
    }

    @GetMapping(SECOND_FACTOR)
    void secondFactorPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (pending(request) == null) {
            response.sendRedirect(LOGIN);
            return;
        }
        secondFactorForm(request, response, 200, null);
    }

    @PostMapping(SECOND_FACTOR)
    void secondFactor(
            @RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        InteractiveSignIn.SecondFactorNeeded pending = pending(request);
        if (pending == null) {
            response.sendRedirect(LOGIN);
            return;
        }
        InteractiveSignIn.Step step;
        try {
            step = signIn.secondFactor(pending, code.strip(), request.getRemoteAddr());
        } catch (ApiProblem refused) {
            refused.headers().forEach(response::setHeader);
            secondFactorForm(request, response, refused.type().status(), refused.getMessage());
            return;
        }
        request.getSession().removeAttribute(PENDING);
        proceed(step, request, response);
    }

    private void proceed(InteractiveSignIn.Step step, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        switch (step) {
            case InteractiveSignIn.SecondFactorNeeded pending -> {
                request.getSession().setAttribute(PENDING, pending);
                response.sendRedirect(SECOND_FACTOR);
            }
            case InteractiveSignIn.Blocked(String reason) ->
                Html.write(response, 403, "Cannot connect yet", "<p class=\"error\">" + Html.escape(reason) + "</p>");
            case InteractiveSignIn.SignedIn signedIn -> {
                signInSession(signedIn, request, response);
                SavedRequest saved = requests.getRequest(request, response);
                if (saved != null && saved.getRedirectUrl().contains("/oauth2/authorize")) {
                    response.sendRedirect(saved.getRedirectUrl());
                } else {
                    Html.write(response, 200, "Signed in", "<p>Go back to the application to connect it.</p>");
                }
            }
        }
    }

    /** A fresh session id (no fixation), holding only the account id and role, for this flow. */
    private void signInSession(
            InteractiveSignIn.SignedIn signedIn, HttpServletRequest request, HttpServletResponse response) {
        request.changeSessionId();
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(
                signedIn.user().toString(),
                null,
                List.of(new SimpleGrantedAuthority(signedIn.role().authority())));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    @GetMapping(CONSENT)
    void consent(
            @RequestParam(name = "client_id", defaultValue = "") String clientId,
            @RequestParam(defaultValue = "") String scope,
            @RequestParam(defaultValue = "") String state,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        RegisteredClient client = clients.findByClientId(clientId);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (client == null || user == null || state.isBlank()) {
            Html.write(response, 400, "Unknown request", "<p class=\"error\">Start again from the application.</p>");
            return;
        }
        Role role = roleOf(user);
        Set<String> requested = Set.of(scope.trim().split("\\s+"));
        Set<String> grantable = McpTokenClaims.withinRole(requested, role);
        StringBuilder body = new StringBuilder();
        body.append("<p><strong>")
                .append(Html.escape(client.getClientName()))
                .append("</strong> wants to use Sextant on your behalf through MCP. It will send you back to ")
                .append(Html.escape(AuditedClients.redirectHosts(client)))
                .append(".</p>");
        if (grantable.isEmpty()) {
            body.append("<p>None of what it asks for is available to your account.</p>");
        } else {
            body.append("<p>If you allow it, it may:</p><ul>");
            for (Scope each : Scope.values()) {
                if (grantable.contains(each.wireName())) {
                    body.append("<li>")
                            .append(Html.escape(IN_WORDS.get(each)))
                            .append(" <span class=\"muted\">(")
                            .append(Html.escape(each.wireName()))
                            .append(")</span></li>");
                }
            }
            body.append("</ul>");
        }
        List<String> refused = Arrays.stream(Scope.values())
                .map(Scope::wireName)
                .filter(name -> requested.contains(name) && !grantable.contains(name))
                .toList();
        if (!refused.isEmpty()) {
            body.append("<p class=\"muted\">Not available to your account, so not granted: ")
                    .append(Html.escape(String.join(", ", refused)))
                    .append(".</p>");
        }
        String common = Html.csrfField(request) + Html.hidden("client_id", clientId) + Html.hidden("state", state);
        if (!grantable.isEmpty()) {
            body.append("<form class=\"inline\" method=\"post\" action=\"/oauth2/authorize\">")
                    .append(common);
            grantable.forEach(name -> body.append(Html.hidden("scope", name)));
            body.append("<button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button></form>");
        }
        body.append("<form class=\"inline\" method=\"post\" action=\"/oauth2/authorize\">")
                .append(common)
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form>");
        Html.write(response, 200, "Connect " + client.getClientName() + "?", body.toString());
    }

    private static Role roleOf(Authentication user) {
        Role highest = Role.USER;
        for (Role role : Role.values()) {
            boolean held = user.getAuthorities().stream()
                    .anyMatch(a -> role.authority().equals(a.getAuthority()));
            if (held && role.ordinal() > highest.ordinal()) {
                highest = role;
            }
        }
        return highest;
    }

    private static InteractiveSignIn.@Nullable SecondFactorNeeded pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(PENDING) instanceof InteractiveSignIn.SecondFactorNeeded found
                ? found
                : null;
    }

    private static void loginForm(
            HttpServletRequest request, HttpServletResponse response, int status, @Nullable String error)
            throws IOException {
        String body = (error == null ? "" : "<p class=\"error\">" + Html.escape(error) + "</p>")
                + "<p>Sign in with your Sextant account to connect the application.</p>"
                + "<form method=\"post\" action=\"" + LOGIN + "\">" + Html.csrfField(request)
                + "<label for=\"username\">Username</label>"
                + "<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" required>"
                + "<label for=\"password\">Password</label>"
                + "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" "
                + "required><button type=\"submit\">Sign in</button></form>";
        Html.write(response, status, "Sign in", body);
    }

    private static void secondFactorForm(
            HttpServletRequest request, HttpServletResponse response, int status, @Nullable String error)
            throws IOException {
        String body = (error == null ? "" : "<p class=\"error\">" + Html.escape(error) + "</p>")
                + "<p>Enter the code from your authenticator app, or a recovery code.</p>"
                + "<form method=\"post\" action=\"" + SECOND_FACTOR + "\">" + Html.csrfField(request)
                + "<label for=\"code\">Code</label>"
                + "<input type=\"text\" id=\"code\" name=\"code\" autocomplete=\"one-time-code\" "
                + "inputmode=\"numeric\" required><button type=\"submit\">Continue</button></form>";
        Html.write(response, status, "Second factor", body);
    }
}
