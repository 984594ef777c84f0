package adapters.lambda;

import domain.ResumeResult;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** Where $default reports its resumes: CloudWatch on AWS, nowhere locally. */
@FunctionalInterface
public interface ResumeMetrics {
    ResumeMetrics NONE = result -> { };

    void record(ResumeResult result);

    /**
     * {@code Replayed} (events pushed again) and {@code ResumesIncomplete} (answers that asked the client to refetch) as
     * Embedded Metric Format lines, through Powertools, like the Notifier's delivery metrics.
     */
    static ResumeMetrics embeddedMetricFormat() {
        return result -> {
            if (result instanceof ResumeResult.Resumed resumed) {
                Metrics metrics = MetricsFactory.getMetricsInstance();
                metrics.addMetric("Replayed", resumed.replayed(), MetricUnit.COUNT);
                metrics.addMetric("ResumesIncomplete", resumed.complete() ? 0 : 1, MetricUnit.COUNT);
                metrics.flush();
            }
        };
    }
}
