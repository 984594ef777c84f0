package adapters.lambda;

import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * $connect outcomes as Embedded Metric Format lines: {@code ConnectAccepted}, and {@code ConnectRefused} with a
 * {@code Reason} dimension, so the dashboard shows a JWKS or secret outage apart from bad tokens and full quotas.
 */
final class ConnectOutcomeMetrics implements ConnectMetrics {
    static final String ACCEPTED_METRIC = "ConnectAccepted";
    static final String REFUSED_METRIC = "ConnectRefused";

    @Override
    public void record(String outcome) {
        Metrics metrics = MetricsFactory.getMetricsInstance();
        if (ACCEPTED.equals(outcome)) {
            metrics.addMetric(ACCEPTED_METRIC, 1, MetricUnit.COUNT);
        } else {
            metrics.addDimension("Reason", outcome);
            metrics.addMetric(REFUSED_METRIC, 1, MetricUnit.COUNT);
        }
        metrics.flush();
    }
}
