package adapters.localstack;

/**
 * The local services check no signature, but the AWS SDK refuses to sign without credentials:
 * give it dummy ones unless the developer's own are configured.
 */
final class LocalCredentials {

    private LocalCredentials() {
    }

    static void install() {
        boolean configured = System.getenv("AWS_ACCESS_KEY_ID") != null || System.getenv("AWS_PROFILE") != null
                || System.getProperty("aws.accessKeyId") != null;
        if (!configured) {
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
        }
    }
}
