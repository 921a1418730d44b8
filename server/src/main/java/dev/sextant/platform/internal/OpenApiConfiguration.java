package dev.sextant.platform.internal;

import dev.sextant.platform.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's description and the error format every operation shares; the paths come
 * from the controllers.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final String BEARER = "bearer";
    private static final String API_KEY = "apiKey";

    static {
        // The caller is resolved from the credential, never sent as a parameter: no such field in the
        // document. springdoc's own registry of ignored parameter types is global by its design.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /**
     * @param publicUrl where clients reach the server ({@code SEXTANT_PUBLIC_URL}); by default the
     *     relative {@code /}, so "Try it out" calls the server the document came from. Never taken
     *     from the request's {@code Host} header, which a caller chooses.
     */
    @Bean
    OpenAPI sextantOpenApi(@Value("${sextant.public-url:/}") String publicUrl) {
        return new OpenAPI()
                .servers(List.of(new Server().url(publicUrl)))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(
                                                "The accessToken from POST /api/v1/auth/login, or an API key (sx_live_...)"))
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-API-Key")
                                        .description(
                                                "An API key (sx_live_...) from POST /api/v1/me/api-keys, sent in the "
                                                        + "X-API-Key header")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY))
                .tags(List.of(new Tag().name("Authentication"), new Tag().name("Account")))
                .info(new Info()
                        .title("Sextant API")
                        .version("v1")
                        .description("Self-hosted financial intelligence server. Errors are RFC 9457 "
                                + "application/problem+json with a stable type and a requestId. Values from the built-in "
                                + "demo market are synthetic and carry demo: true."));
    }

    /** Operations anyone may call (sign-in, registration, refresh) show no padlock. */
    @Bean
    OperationCustomizer publicOperations() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(PermitAll.class)) {
                operation.setSecurity(List.of());
            }
            return operation;
        };
    }

    /**
     * Sign-in and the account lead the reference, whatever order springdoc meets the controllers in
     * (a tag with a description, such as a new module's, would otherwise come first).
     */
    @Bean
    OpenApiCustomizer signInFirst() {
        List<String> first = List.of("Authentication", "Account");
        return openApi -> {
            if (openApi.getTags() == null) {
                return;
            }
            List<Tag> ordered = new java.util.ArrayList<>(openApi.getTags());
            ordered.sort(java.util.Comparator.comparingInt(tag -> {
                int at = first.indexOf(tag.getName());
                return at < 0 ? first.size() : at;
            }));
            openApi.setTags(ordered);
        };
    }

    /** Documents the problem document as every operation's {@code default} (error) response. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            Schema<?> problem = new ObjectSchema()
                    .description("RFC 9457 problem details")
                    .addProperty("type", new StringSchema().example("urn:sextant:problem:unknown-symbol"))
                    .addProperty("title", new StringSchema().example("Unknown symbol"))
                    .addProperty("status", new IntegerSchema().example(404))
                    .addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema())
                    .addProperty("requestId", new StringSchema());
            openApi.getComponents().addSchemas(PROBLEM, problem);
            ApiResponse error = new ApiResponse()
                    .description("Error, as application/problem+json")
                    .content(new Content()
                            .addMediaType(
                                    "application/problem+json",
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperations()
                            .forEach(operation -> operation.getResponses().addApiResponse("default", error)));
        };
    }
}
