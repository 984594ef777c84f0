package adapters.lambda;

import domain.HandledMessage;
import java.util.List;

/** Where the Notifier reports what each batch achieved: CloudWatch on AWS, nowhere locally. */
@FunctionalInterface
public interface DeliveryMetrics {
    DeliveryMetrics NONE = handled -> { };

    void record(List<HandledMessage> handled);
}
