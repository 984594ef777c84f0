package adapters.lambda;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * $connect outcomes as Embedded Metric Format lines: {@code ConnectAccepted}, and {@code ConnectRefused} with a
 * {@code Reason} dimension, so the dashboard shows a JWKS or secret outage apart from bad tokens and full quotas.
 */
final class ConnectOutcomeMetrics implements ConnectMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectOutcomeMetrics.class);
    static final String ACCEPTED_METRIC = "ConnectAccepted";
    static final String REFUSED_METRIC = "ConnectRefused";

    /** A metric that cannot be written (no namespace configured) is logged; it never fails the connection. */
    @Override
    public void record(String outcome) {
        try {
            write(outcome);
        } catch (RuntimeException e) {
            LOG.warn("the $connect outcome {} could not be written as a metric: {}", outcome, e.getMessage());
        }
    }

    private static void write(String outcome) {
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
