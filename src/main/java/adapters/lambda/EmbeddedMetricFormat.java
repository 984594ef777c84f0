package adapters.lambda;

import domain.BatchDelivery;
import domain.DeliveryOutcome;
import domain.DeliveryReport;
import domain.HandledMessage;
import domain.Verdict;
import java.util.List;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Delivery metrics as CloudWatch Embedded Metric Format lines, through Powertools: CloudWatch
 * turns the log lines into metrics without an API call on the hot path. The namespace and
 * service come from POWERTOOLS_METRICS_NAMESPACE and POWERTOOLS_SERVICE_NAME.
 */
public final class EmbeddedMetricFormat implements DeliveryMetrics {

    @Override
    public void record(List<HandledMessage> handled) {
        Metrics metrics = MetricsFactory.getMetricsInstance();
        List<DeliveryReport> reports = handled.stream().flatMap(message -> message.report().stream()).toList();
        metrics.addMetric("Delivered", sum(reports, DeliveryOutcome.DELIVERED), MetricUnit.COUNT);
        metrics.addMetric("Evicted", sum(reports, DeliveryOutcome.EVICTED), MetricUnit.COUNT);
        metrics.addMetric("FailedPermanently", sum(reports, DeliveryOutcome.FAILED_PERMANENTLY), MetricUnit.COUNT);
        metrics.addMetric("StillFailing", sum(reports, DeliveryOutcome.STILL_FAILING), MetricUnit.COUNT);
        metrics.addMetric("DeadLettered", count(handled, Verdict.DEAD_LETTERED), MetricUnit.COUNT);
        metrics.addMetric("Retried", count(handled, Verdict.RETRY), MetricUnit.COUNT);
        metrics.addMetric("HistoryWriteFailures", handled.stream()
                .filter(message -> message.reason().startsWith(BatchDelivery.UNRECORDED)).count(), MetricUnit.COUNT);
        reports.forEach(report -> metrics.addMetric("FanOutDuration", report.elapsed().toMillis(), MetricUnit.MILLISECONDS));
        metrics.flush();
    }

    private static long sum(List<DeliveryReport> reports, DeliveryOutcome outcome) {
        return reports.stream().mapToLong(report -> report.count(outcome)).sum();
    }

    private static long count(List<HandledMessage> handled, Verdict verdict) {
        return handled.stream().filter(message -> message.verdict() == verdict).count();
    }
}
