package adapters.emulator.definitions;

import java.util.List;

/**
 * An SQS event source of a function.
 *
 * @param queueParameter the template parameter the {@code Queue} property refers to, or null if it is not a
 *     plain {@code !Ref} to a parameter
 * @param queue the resolved {@code Queue} value (an ARN)
 * @param maximumConcurrency {@code ScalingConfig.MaximumConcurrency}, or null when unset
 */
public record SqsEventDefinition(String functionLogicalId, String eventName, String queueParameter, String queue,
        int batchSize, int maximumBatchingWindowSeconds, List<String> functionResponseTypes,
        Integer maximumConcurrency) {

    public SqsEventDefinition {
        functionResponseTypes = List.copyOf(functionResponseTypes);
    }

    public boolean reportsBatchItemFailures() {
        return functionResponseTypes.contains("ReportBatchItemFailures");
    }
}
