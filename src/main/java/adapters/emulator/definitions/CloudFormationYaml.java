package adapters.emulator.definitions;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads CloudFormation YAML into plain maps and lists, turning each short-form tag ({@code !Ref x},
 * {@code !GetAtt a.b}, {@code !Sub ...}) into its long form ({@code {Ref: x}}, {@code {Fn::GetAtt: [a, b]}}).
 */
final class CloudFormationYaml {
    private static final List<String> FUNCTIONS = List.of("Sub", "GetAtt", "If", "Equals", "Not", "And", "Or",
            "Join", "Select", "Split", "FindInMap", "Base64", "GetAZs", "ImportValue", "Cidr", "Transform",
            "ToJsonString", "Length");

    private CloudFormationYaml() {
    }

    static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> document = new Yaml(new IntrinsicConstructor()).load(reader);
            return document == null ? Map.of() : document;
        }
    }

    /** SnakeYAML's safe constructor plus one construct per CloudFormation tag. */
    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
            FUNCTIONS.forEach(name -> yamlConstructors.put(new Tag("!" + name), new LongForm("Fn::" + name)));
        }

        private final class LongForm extends AbstractConstruct {
            private final String key;

            LongForm(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                return Map.of(key, argument(node));
            }

            private Object argument(Node node) {
                if (node instanceof SequenceNode sequence) {
                    return constructSequence(sequence);
                }
                if (node instanceof MappingNode mapping) {
                    return constructMapping(mapping);
                }
                String scalar = constructScalar((ScalarNode) node);
                // !GetAtt Resource.Attribute is the only short form whose scalar means a list.
                if (key.equals("Fn::GetAtt")) {
                    int dot = scalar.indexOf('.');
                    return List.of(scalar.substring(0, dot), scalar.substring(dot + 1));
                }
                return scalar;
            }
        }
    }
}
