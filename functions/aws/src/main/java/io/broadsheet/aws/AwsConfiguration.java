package io.broadsheet.aws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;

/**
 * Region, credentials and per-service endpoints for the SDK clients. In Lambda the region comes from
 * {@code AWS_REGION}; local clouds set {@code aws.services.s3.endpoint-override} and
 * {@code aws.services.dynamodb.endpoint-override}.
 */
@ConfigurationProperties("aws")
public class AwsConfiguration {

    @Nullable
    private String region;

    /** Static credentials for local clouds; when unset the SDK's environment/default chain is used. */
    @Nullable
    private String accessKeyId;

    @Nullable
    private String secretAccessKey;

    @Nullable
    public String getRegion() {
        return region;
    }

    public void setRegion(@Nullable String region) {
        this.region = region;
    }

    @Nullable
    public String getAccessKeyId() {
        return accessKeyId;
    }

    public void setAccessKeyId(@Nullable String accessKeyId) {
        this.accessKeyId = accessKeyId;
    }

    @Nullable
    public String getSecretAccessKey() {
        return secretAccessKey;
    }

    public void setSecretAccessKey(@Nullable String secretAccessKey) {
        this.secretAccessKey = secretAccessKey;
    }

    /** {@code aws.services.<name>.*}: one entry per service client (s3, dynamodb). */
    @EachProperty("aws.services")
    public static class ServiceConfiguration {

        private final String name;

        @Nullable
        private URI endpointOverride;

        /** S3 only: path-style URLs, which emulators on localhost need. */
        private boolean pathStyleAccess;

        public ServiceConfiguration(@Parameter String name) {
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
}
