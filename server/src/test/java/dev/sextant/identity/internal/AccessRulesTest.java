package dev.sextant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.platform.Role;
import dev.sextant.support.HttpTestClient;
import dev.sextant.support.HttpTestClient.Answer;
import dev.sextant.support.ServerHttpTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every endpoint states who may call it, and roles are enforced as stated. */
class AccessRulesTest extends ServerHttpTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void test_everySextantEndpoint_statesItsAccessRule() {
        List<String> sextantEndpoints = mappings.getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getValue().getBeanType().getName().startsWith("dev.sextant."))
                .map(entry -> entry.getKey() + " -> " + entry.getValue().getShortLogMessage()
                        + (ExplicitAccessRuleInterceptor.hasExplicitRule(entry.getValue()) ? "" : "  [NO RULE]"))
                .toList();

        assertThat(sextantEndpoints).hasSizeGreaterThan(10);
        assertThat(sextantEndpoints).noneMatch(endpoint -> endpoint.endsWith("[NO RULE]"));
    }

    @Test
    void test_handlersWithoutARule_wouldBeDenied() throws NoSuchMethodException {
        class Unannotated {
            public void handle() {}
        }
        HandlerMethod bare = new HandlerMethod(new Unannotated(), Unannotated.class.getMethod("handle"));

        assertThat(ExplicitAccessRuleInterceptor.hasExplicitRule(bare)).isFalse();
    }

    @Test
    void test_adminEndpoints_refuseUsersAndAnalysts() {
        HttpTestClient analyst = signedInAs("analyst-" + System.nanoTime(), Role.ANALYST);
        String body = "{\"username\":\"new-hire\",\"roles\":[\"user\"]}";

        for (HttpTestClient caller : List.of(http, analyst)) {
            Answer answer = caller.postJson("/api/v1/admin/accounts", body);
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.json().get("type").asString()).isEqualTo("urn:sextant:problem:forbidden");
        }
        assertThat(anonymous.postJson("/api/v1/admin/accounts", body).status()).isEqualTo(401);
    }

    @Test
    void test_adminCreatesAnAccountWhoseFirstSignInMustChangeThePassword() {
        HttpTestClient admin = signedInAs("boss-" + System.nanoTime(), Role.ADMIN);
        String username = "hire-" + System.nanoTime();

        Answer created = admin.postJson(
                "/api/v1/admin/accounts",
                "{\"username\":\"" + username + "\",\"email\":\"h@example.com\",\"roles\":[\"analyst\"]}");
        String oneTimePassword = created.json().get("oneTimePassword").asString();
        var tokens = anonymous.login(username, oneTimePassword);
        HttpTestClient hire = anonymous.withBearer(tokens.get("accessToken").asString());
        Answer beforeChange = hire.get("/api/v1/quotes/AAPL");
        Answer change = hire.postJson(
                "/api/v1/me/password",
                "{\"currentPassword\":\"" + oneTimePassword + "\",\"newPassword\":\"Hire-Own-Passphrase-5\"}");
        HttpTestClient changed =
                anonymous.withBearer(change.json().get("accessToken").asString());

        assertThat(created.status()).isEqualTo(201);
        assertThat(oneTimePassword).hasSize(24);
        assertThat(tokens.get("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(beforeChange.status()).isEqualTo(403);
        assertThat(beforeChange.json().get("type").asString())
                .isEqualTo("urn:sextant:problem:password-change-required");
        assertThat(change.status()).isEqualTo(200);
        assertThat(changed.get("/api/v1/quotes/AAPL").status()).isEqualTo(200);
        assertThat(changed.get("/api/v1/me").json().get("roles").toString()).isEqualTo("[\"analyst\"]");
    }

    @Test
    void test_roleChanges_applyAtOnceAndAreAudited() {
        HttpTestClient admin = signedInAs("promoter-" + System.nanoTime(), Role.ADMIN);
        HttpTestClient user = signedInAs("promoted-" + System.nanoTime(), Role.USER);
        String id = user.get("/api/v1/me").json().get("id").asString();

        Answer promoted = admin.send(admin.request("/api/v1/admin/accounts/" + id + "/roles")
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"roles\":[\"analyst\"]}"))
                .build());
        Answer unknown = admin.send(admin.request("/api/v1/admin/accounts/" + java.util.UUID.randomUUID() + "/roles")
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"roles\":[\"user\"]}"))
                .build());

        assertThat(promoted.status()).isEqualTo(200);
        assertThat(user.get("/api/v1/me").json().get("roles").toString()).isEqualTo("[\"analyst\"]");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/admin/audit?type=ROLE_CHANGED").body()).contains(id);
    }

    @Test
    void test_badAdminRequests_getProblems() {
        HttpTestClient admin = signedInAs("chief-" + System.nanoTime(), Role.ADMIN);

        Answer unknownRole = admin.postJson("/api/v1/admin/accounts", "{\"username\":\"x-ray\",\"roles\":[\"god\"]}");
        Answer badName = admin.postJson(
                "/api/v1/admin/accounts", "{\"username\":\"bad name'; DROP TABLE app_user;--\",\"roles\":[\"user\"]}");
        Answer taken = admin.postJson("/api/v1/admin/accounts", "{\"username\":\"suite-user\",\"roles\":[\"user\"]}");

        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.json().get("parameter").asString()).isEqualTo("roles");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("parameter").asString()).isEqualTo("username");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("type").asString()).isEqualTo("urn:sextant:problem:username-taken");
    }
}
