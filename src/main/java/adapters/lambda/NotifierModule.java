package adapters.lambda;

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
