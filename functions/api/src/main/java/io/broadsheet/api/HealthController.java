package io.broadsheet.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;

/** Liveness for load balancers and smoke tests: answers without touching S3 or DynamoDB. */
@Controller("/health")
@Tag(name = "health")
public class HealthController {

    @Get
    @Operation(summary = "Liveness: answers {\"status\":\"UP\"} without touching S3 or DynamoDB")
    public Map<String, String> health() {
        return Map.of("status", "UP");
    }
}
