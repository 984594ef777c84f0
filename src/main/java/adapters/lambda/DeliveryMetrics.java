package adapters.lambda;

import domain.Disposition;
import java.util.List;

/** Where the Notifier reports what each batch achieved: CloudWatch on AWS, nowhere locally. */
@FunctionalInterface
public interface DeliveryMetrics {
    DeliveryMetrics NONE = dispositions -> { };

    void record(List<Disposition> dispositions);
}
