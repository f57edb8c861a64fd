package io.broadsheet.aws;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The one place SDK clients are built: explicit region and credentials provider (no chain probing
 * on cold start where it can be avoided), one shared URLConnection HTTP client, and endpoint
 * overrides from configuration for local clouds.
 */
@Factory
public class AwsClientFactory {

    private final AwsConfiguration aws;
    private final List<AwsServiceConfiguration> services;

    public AwsClientFactory(AwsConfiguration aws, List<AwsServiceConfiguration> services) {
        this.aws = aws;
        this.services = services;
    }

    @Singleton
    @Bean(preDestroy = "close")
    SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder().build();
    }

    @Singleton
    AwsCredentialsProvider credentialsProvider() {
        if (isSet(aws.getAccessKeyId()) && isSet(aws.getSecretAccessKey())) {
            return StaticCredentialsProvider.create(isSet(aws.getSessionToken())
                    ? AwsSessionCredentials.create(aws.getAccessKeyId(), aws.getSecretAccessKey(), aws.getSessionToken())
                    : AwsBasicCredentials.create(aws.getAccessKeyId(), aws.getSecretAccessKey()));
        }
        // SnapStart functions get their credentials from the container endpoint, which this chain reads.
        return DefaultCredentialsProvider.builder().build();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    @Singleton
    @Bean(preDestroy = "close")
    S3Client s3Client(SdkHttpClient http, AwsCredentialsProvider credentials) {
        var builder = configure(S3Client.builder(), "s3", http, credentials);
        service("s3").ifPresent(s -> builder.forcePathStyle(s.isPathStyleAccess()));
        return builder.build();
    }

    @Singleton
    @Bean(preDestroy = "close")
    DynamoDbClient dynamoDbClient(SdkHttpClient http, AwsCredentialsProvider credentials) {
        return configure(DynamoDbClient.builder(), "dynamodb", http, credentials).build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, String service, SdkHttpClient http, AwsCredentialsProvider credentials) {
        builder.httpClient(http).credentialsProvider(credentials);
        if (aws.getRegion() != null) {
            builder.region(Region.of(aws.getRegion()));
        }
        service(service).map(AwsServiceConfiguration::getEndpointOverride)
                .ifPresent((URI endpoint) -> builder.endpointOverride(endpoint));
        return builder;
    }

    private Optional<AwsServiceConfiguration> service(String name) {
        return services.stream().filter(s -> s.getName().equals(name)).findFirst();
    }
}
