package io.broadsheet.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the OpenAPI document generated at compile time from the controllers. */
@Controller
@Hidden
public class OpenApiController {

    /** Where micronaut-openapi writes the document (named from the title and version in {@link BroadsheetApi}). */
    static final String RESOURCE = "META-INF/swagger/broadsheet-api-0.1.0.yml";
    static final String YAML = "application/yaml";

    private final byte[] document;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: was the api module built with micronaut-openapi?");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(uri = "/openapi.yml", produces = YAML)
    public HttpResponse<byte[]> openApi() {
        return HttpResponse.ok(document).contentType(YAML);
    }
}
