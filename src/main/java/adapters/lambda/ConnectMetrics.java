package adapters.lambda;

/** Where $connect reports each upgrade it accepts or refuses: CloudWatch on AWS, nowhere locally and in tests. */
@FunctionalInterface
public interface ConnectMetrics {
    ConnectMetrics NONE = refusal -> { };
    /** The outcome of an accepted upgrade. */
    String ACCEPTED = "ACCEPTED";

    /** Records one $connect: {@link #ACCEPTED} or the refusal's reason, as the client sees it. */
    void record(String outcome);
}
