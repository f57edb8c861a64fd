package io.broadsheet.aws;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;

/**
 * {@code aws.services.<name>.*}: one entry per service client ({@code s3}, {@code dynamodb}). A top-level
 * class on purpose: nested in {@link AwsConfiguration} it would inherit the {@code aws} prefix twice.
 */
@EachProperty("aws.services")
public class AwsServiceConfiguration {

    private final String name;

    @Nullable
    private URI endpointOverride;

    /** S3 only: path-style URLs, which emulators on localhost need. */
    private boolean pathStyleAccess;

    public AwsServiceConfiguration(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    @Nullable
    public URI getEndpointOverride() {
        return endpointOverride;
    }

    public void setEndpointOverride(@Nullable URI endpointOverride) {
        this.endpointOverride = endpointOverride;
    }

    public boolean isPathStyleAccess() {
        return pathStyleAccess;
    }

    public void setPathStyleAccess(boolean pathStyleAccess) {
        this.pathStyleAccess = pathStyleAccess;
    }
}
