package io.broadsheet.aws;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AwsClientFactoryTest {

    @Test
    void clients_useTheRegionAndEndpointOverrides_ofALocalCloud() {
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of(
                "aws.region", "eu-west-1",
                "aws.access-key-id", "test",
                "aws.secret-access-key", "test",
                "aws.services.s3.endpoint-override", "http://127.0.0.1:4566",
                "aws.services.s3.path-style-access", "true",
                "aws.services.dynamodb.endpoint-override", "http://127.0.0.1:4567")).start()) {

            S3Client s3 = context.getBean(S3Client.class);
            DynamoDbClient dynamo = context.getBean(DynamoDbClient.class);

            assertThat(s3.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            assertThat(s3.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:4566"));
            assertThat(dynamo.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:4567"));
            assertThat(context.getBean(AwsCredentialsProvider.class).resolveCredentials().accessKeyId()).isEqualTo("test");
        }
    }

    @Test
    void credentials_keepTheSessionToken_thatLambdaPassesBesideTheKeys() {
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of(
                "aws.access-key-id", "ASIAEXAMPLE",
                "aws.secret-access-key", "secret",
                "aws.session-token", "token")).start()) {

            var credentials = context.getBean(AwsCredentialsProvider.class).resolveCredentials();

            assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
            assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo("token");
        }
    }

    @Test
    void credentials_comeFromTheDefaultChain_whenNoKeysAreConfigured() {
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of("aws.access-key-id", "")).start()) {
            assertThat(context.getBean(AwsCredentialsProvider.class)).isInstanceOf(DefaultCredentialsProvider.class);
        }
    }
}
