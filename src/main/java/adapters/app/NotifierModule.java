package adapters.app;

import adapters.lambda.DeliveryMetrics;
import adapters.lambda.EmbeddedMetricFormat;
import dagger.Module;
import dagger.Provides;

/** The deployed Notifier reads its queue like the local one, and reports to CloudWatch. */
@Module(includes = QueueReadingModule.class)
interface NotifierModule {

    @Provides
    static DeliveryMetrics deliveryMetrics() {
        return new EmbeddedMetricFormat();
    }
}
