package adapters.emulator.definitions;

/** A key attribute of a table or index: its name and DynamoDB type ({@code S}, {@code N}, {@code B}). */
public record KeyAttribute(String name, String type) {
}
