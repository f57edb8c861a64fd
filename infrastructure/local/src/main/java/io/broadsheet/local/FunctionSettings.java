package io.broadsheet.local;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration a function gets locally: the template's environment (as Micronaut properties,
 * {@code BROADSHEET_TABLE_NAME} becoming {@code broadsheet.table-name}) plus the local endpoints,
 * region and credentials that Lambda would otherwise provide.
 */
public final class FunctionSettings {

    private FunctionSettings() {
    }

    public static Map<String, Object> properties(Map<String, String> environment, URI s3, URI dynamoDb, String region) {
        Map<String, Object> properties = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("BROADSHEET_")) {
                properties.put(propertyName(name), value);
            }
        });
        properties.put("aws.region", region);
        properties.put("aws.access-key-id", LocalCloud.ACCESS_KEY_ID);
        properties.put("aws.secret-access-key", LocalCloud.SECRET_ACCESS_KEY);
        properties.put("aws.services.s3.endpoint-override", s3.toString());
        properties.put("aws.services.s3.path-style-access", true);
        properties.put("aws.services.dynamodb.endpoint-override", dynamoDb.toString());
        return properties;
    }

    /** {@code BROADSHEET_SITE_BASE_URL} becomes {@code broadsheet.site-base-url}. */
    static String propertyName(String environmentVariable) {
        String lower = environmentVariable.toLowerCase(Locale.ROOT);
        int first = lower.indexOf('_');
        return lower.substring(0, first) + "." + lower.substring(first + 1).replace('_', '-');
    }
}
