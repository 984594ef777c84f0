package adapters.emulator.definitions;

import static adapters.emulator.definitions.Template.list;
import static adapters.emulator.definitions.Template.map;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the DynamoDB tables' names, keys, global secondary indexes and TTL attribute. */
final class TableReader {
    private final Template template;
    private final Intrinsics intrinsics;

    TableReader(Template template, Intrinsics intrinsics) {
        this.template = template;
        this.intrinsics = intrinsics;
    }

    List<TableDefinition> read() {
        return template.ofType("AWS::DynamoDB::Table").stream().map(this::table).toList();
    }

    private TableDefinition table(String id) {
        Map<String, Object> properties = template.properties(id);
        Map<String, String> types = new HashMap<>();
        list(properties.get("AttributeDefinitions")).forEach(a -> types.put(
                intrinsics.string(map(a).get("AttributeName")), intrinsics.string(map(a).get("AttributeType"))));
        Object keys = properties.get("KeySchema");
        List<IndexDefinition> indexes = list(properties.get("GlobalSecondaryIndexes")).stream()
                .map(index -> new IndexDefinition(intrinsics.string(map(index).get("IndexName")),
                        key(map(index).get("KeySchema"), "HASH", types), key(map(index).get("KeySchema"), "RANGE", types),
                        intrinsics.string(map(map(index).get("Projection")).get("ProjectionType"))))
                .toList();
        Map<String, Object> ttl = map(properties.get("TimeToLiveSpecification"));
        return new TableDefinition(id, intrinsics.string(Map.of("Ref", id)), key(keys, "HASH", types),
                key(keys, "RANGE", types), indexes, intrinsics.string(ttl.get("AttributeName")));
    }

    private KeyAttribute key(Object schema, String keyType, Map<String, String> types) {
        return list(schema).stream().map(Template::map)
                .filter(element -> keyType.equals(intrinsics.string(element.get("KeyType"))))
                .map(element -> intrinsics.string(element.get("AttributeName")))
                .map(name -> new KeyAttribute(name, types.get(name)))
                .findFirst().orElse(null);
    }
}
