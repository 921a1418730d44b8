package dev.sextant.support;

import dev.sextant.identity.AccountAdministration;
import dev.sextant.platform.Role;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of tests that talk to the shared {@link ServerTest} server over real HTTP: {@link #http}
 * is signed in as an ordinary user, {@link #anonymous} is not.
 */
@ServerTest
public abstract class ServerHttpTest {

    public static final String PASSWORD = "Correct-Horse-7-Battery";

    // One account per server for the whole suite: argon2 makes sign-ins deliberately slow.
    private static final Map<Integer, String> USER_TOKENS = new ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    @Autowired
    protected AccountAdministration accounts;

    protected HttpTestClient anonymous;
    protected HttpTestClient http;

    @BeforeEach
    void connect() {
        anonymous = new HttpTestClient(port);
        http = anonymous.withBearer(USER_TOKENS.computeIfAbsent(port, p -> {
            accounts.createAccount("suite-user", null, PASSWORD, Set.of(Role.USER), false);
            return anonymous.login("suite-user", PASSWORD).get("accessToken").asString();
        }));
    }

    /** A name no other test uses, e.g. {@code owner-1a2b3c4d}. */
    protected static String unique(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Creates an account with {@link #PASSWORD} and answers a client signed in as it. Administrators
     * also turn on two-factor sign-in, which they must before anything else.
     */
    protected HttpTestClient signedInAs(String username, Role role) {
        accounts.createAccount(username, null, PASSWORD, Set.of(role), false);
        HttpTestClient client = anonymous.withBearer(
                anonymous.login(username, PASSWORD).get("accessToken").asString());
        if (role == Role.ADMIN) {
            enableSecondFactor(client);
        }
        return client;
    }

    /** Turns on two-factor sign-in with a code one step before the fixed clock's; answers the secret. */
    protected static String enableSecondFactor(HttpTestClient client) {
        HttpTestClient.Answer setup = client.send(client.request("/api/v1/me/2fa/setup")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
        if (setup.status() != 200) {
            throw new AssertionError("2FA set-up failed: " + setup.status() + " " + setup.body());
        }
        String secret = setup.json().get("secret").asString();
        HttpTestClient.Answer enabled =
                client.postJson("/api/v1/me/2fa/enable", "{\"code\":\"" + TotpCodes.at(secret, -1) + "\"}");
        if (enabled.status() != 200) {
            throw new AssertionError("2FA enable failed: " + enabled.status() + " " + enabled.body());
        }
        return secret;
    }
}
