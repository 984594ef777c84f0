package adapters.emulator.definitions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the local stack needs from a SAM template, resolved to local values, plus the warnings met on the way. */
public record LocalTemplate(List<WebSocketApiDefinition> webSocketApis, Map<String, FunctionDefinition> functions,
        List<TableDefinition> tables, List<SqsEventDefinition> sqsEvents, List<String> warnings) {

    public LocalTemplate {
        webSocketApis = List.copyOf(webSocketApis);
        functions = Map.copyOf(functions);
        tables = List.copyOf(tables);
        sqsEvents = List.copyOf(sqsEvents);
        warnings = List.copyOf(warnings);
    }

    /** The template's only WebSocket API; fails if it has none or several. */
    public WebSocketApiDefinition webSocketApi() {
        if (webSocketApis.size() != 1) {
            throw new IllegalStateException("expected one WebSocket API, found " + webSocketApis.size());
        }
        return webSocketApis.get(0);
    }

    public FunctionDefinition function(String logicalId) {
        FunctionDefinition function = functions.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + logicalId + " in the template");
        }
        return function;
    }

    /** The table the template declares under that physical name (its resolved {@code TableName}, else its logical id). */
    public Optional<TableDefinition> table(String tableName) {
        return tables.stream().filter(table -> table.tableName().equals(tableName)).findFirst();
    }

    /** The first function's SQS event source, if any function has one. */
    public Optional<SqsEventDefinition> sqsEvent() {
        return sqsEvents.stream().findFirst();
    }
}
