package io.broadsheet.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.security.SecuritySchemes;

/**
 * The API's OpenAPI description: micronaut-openapi reads these annotations and the controllers at
 * compile time and writes the document that {@link OpenApiController} serves.
 */
@OpenAPIDefinition(info = @Info(
        title = "Broadsheet API",
        version = "0.1.0",
        description = "Submit articles, read their analysed records, republish and unpublish their pages. "
                + "Reads are public; writes need a bearer token (locally) or an API key (on AWS). "
                + "Errors are application/problem+json (RFC 9457).",
        license = @License(name = "Apache-2.0")))
@SecuritySchemes({
        @SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "broadsheet.api-auth=token: the value of BROADSHEET_API_TOKEN"),
        @SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
                paramName = "x-api-key", description = "broadsheet.api-auth=gateway: an API Gateway key of the stack's usage plan")})
public final class BroadsheetApi {

    private BroadsheetApi() {
    }
}
