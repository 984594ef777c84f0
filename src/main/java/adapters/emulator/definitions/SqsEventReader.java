package adapters.emulator.definitions;

import static adapters.emulator.definitions.Template.list;
import static adapters.emulator.definitions.Template.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the functions' SQS event sources with SAM's defaults (batch size 10, no batching window). */
final class SqsEventReader {
    private final Template template;
    private final Intrinsics intrinsics;

    SqsEventReader(Template template, Intrinsics intrinsics) {
        this.template = template;
        this.intrinsics = intrinsics;
    }

    List<SqsEventDefinition> read() {
        List<SqsEventDefinition> events = new ArrayList<>();
        for (String function : template.ofType("AWS::Serverless::Function")) {
            map(template.properties(function).get("Events")).forEach((name, event) -> {
                if ("SQS".equals(map(event).get("Type"))) {
                    events.add(event(function, name, map(map(event).get("Properties"))));
                }
            });
        }
        return events;
    }

    private SqsEventDefinition event(String function, String name, Map<String, Object> properties) {
        Object queue = properties.get("Queue");
        Object ref = map(queue).get("Ref");
        String parameter = ref != null && template.section("Parameters").containsKey(ref.toString()) ? ref.toString() : null;
        Object concurrency = map(properties.get("ScalingConfig")).get("MaximumConcurrency");
        return new SqsEventDefinition(function, name, parameter, intrinsics.string(queue),
                number(properties.get("BatchSize"), 10), number(properties.get("MaximumBatchingWindowInSeconds"), 0),
                list(intrinsics.resolve(properties.getOrDefault("FunctionResponseTypes", List.of()))).stream()
                        .map(String::valueOf).toList(),
                concurrency == null ? null : number(concurrency, 0));
    }

    private int number(Object node, int fallback) {
        return node == null ? fallback : Integer.parseInt(intrinsics.string(node));
    }
}
