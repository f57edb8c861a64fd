package io.broadsheet.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.Map;

/** Liveness for load balancers and smoke tests: answers without touching S3 or DynamoDB. */
@Controller("/health")
public class HealthController {

    @Get
    public Map<String, String> health() {
        return Map.of("status", "UP");
    }
}
