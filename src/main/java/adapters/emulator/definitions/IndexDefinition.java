package adapters.emulator.definitions;

/** A global secondary index; {@code sortKey} is null for a hash-only index. */
public record IndexDefinition(String name, KeyAttribute partitionKey, KeyAttribute sortKey, String projectionType) {
}
