package io.broadsheet.aws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Region, credentials and per-service endpoints for the SDK clients. In Lambda the region comes from
 * {@code AWS_REGION}; local clouds set {@code aws.services.s3.endpoint-override} and
 * {@code aws.services.dynamodb.endpoint-override}.
 */
@ConfigurationProperties("aws")
public class AwsConfiguration {

    @Nullable
    private String region;

    /**
     * Static credentials, for local clouds. When unset the SDK's default chain is used. In Lambda the
     * runtime's {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN} also
     * land here (Micronaut maps environment variables to properties): the session token must then be
     * used too, or every call is refused.
     */
    @Nullable
    private String accessKeyId;

    @Nullable
    private String secretAccessKey;

    @Nullable
    private String sessionToken;

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

    @Nullable
    public String getSessionToken() {
        return sessionToken;
    }

    public void setSessionToken(@Nullable String sessionToken) {
        this.sessionToken = sessionToken;
    }
}
