package adapters.emulator.definitions;

import java.util.List;
import java.util.Map;

/**
 * What {@code Ref} and {@code Fn::GetAtt} mean on a laptop: pseudo parameters with local values (region
 * us-east-1, account 000000000000), parameters from their override or Default, and resources named by their
 * physical name where the template sets one, else by logical id.
 */
final class LocalReferences {
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "000000000000";

    private final Template template;
    private final TemplateOverrides overrides;
    private final List<String> warnings;
    private final LocalArns arns;

    LocalReferences(Template template, TemplateOverrides overrides, List<String> warnings) {
        this.template = template;
        this.overrides = overrides;
        this.warnings = warnings;
        this.arns = new LocalArns(this);
    }

    Object ref(String name, Intrinsics intrinsics) {
        if (overrides.parameters().containsKey(name)) {
            return overrides.parameters().get(name);
        }
        if (name.startsWith("AWS::")) {
            return pseudo(name);
        }
        if (template.section("Parameters").containsKey(name)) {
            return parameter(name);
        }
        if (isAliasOrVersion(name)) {
            String function = name.substring(0, name.indexOf('.'));
            return arns.function(physicalName(function, "FunctionName", intrinsics)) + ":" + aliasOf(function, name);
        }
        if (!template.isResource(name)) {
            throw new IllegalArgumentException("Ref to " + name + ", which is neither a parameter nor a resource");
        }
        return resourceRef(name, intrinsics);
    }

    Object getAtt(String resource, String attribute, Intrinsics intrinsics) {
        return arns.attribute(resource, template.type(resource), attribute, intrinsics);
    }

    boolean isAliasOrVersion(String name) {
        int dot = name.indexOf('.');
        return dot > 0 && template.isFunction(name.substring(0, dot))
                && List.of("Alias", "Version").contains(name.substring(dot + 1));
    }

    Object unsupported(String function, Object argument) {
        warnings.add(function + " " + argument + " has no local value; using a placeholder");
        return "UNRESOLVED " + function;
    }

    String region() {
        return String.valueOf(overrides.parameters().getOrDefault("AWS::Region", REGION));
    }

    String account() {
        return String.valueOf(overrides.parameters().getOrDefault("AWS::AccountId", ACCOUNT));
    }

    String apiId() {
        return overrides.apiId();
    }

    String physicalName(String logicalId, String property, Intrinsics intrinsics) {
        Object name = template.properties(logicalId).get(property);
        return name == null ? logicalId : intrinsics.string(name);
    }

    private Object resourceRef(String name, Intrinsics intrinsics) {
        switch (template.type(name)) {
            case "AWS::DynamoDB::Table": case "AWS::Serverless::SimpleTable":
                return physicalName(name, "TableName", intrinsics);
            case "AWS::ApiGatewayV2::Api": case "AWS::Serverless::WebSocketApi":
                return apiId();
            case "AWS::ApiGatewayV2::Stage": return physicalName(name, "StageName", intrinsics);
            case "AWS::Logs::LogGroup": return physicalName(name, "LogGroupName", intrinsics);
            case "AWS::Serverless::Function": case "AWS::Lambda::Function":
                return physicalName(name, "FunctionName", intrinsics);
            case "AWS::SQS::Queue": return "https://sqs." + region() + ".amazonaws.com/" + account() + "/"
                    + physicalName(name, "QueueName", intrinsics);
            default: return name;
        }
    }

    private Object pseudo(String name) {
        switch (name) {
            case "AWS::Region": return region();
            case "AWS::AccountId": return account();
            case "AWS::Partition": return "aws";
            case "AWS::URLSuffix": return "amazonaws.com";
            case "AWS::StackName": return "local";
            case "AWS::StackId": return "arn:aws:cloudformation:" + region() + ":" + account() + ":stack/local/local";
            case "AWS::NoValue": return Intrinsics.NO_VALUE;
            case "AWS::NotificationARNs": return List.of();
            default: throw new IllegalArgumentException("unknown pseudo parameter " + name);
        }
    }

    private Object parameter(String name) {
        Map<String, Object> definition = Template.map(template.section("Parameters").get(name));
        if (definition.containsKey("Default")) {
            return String.valueOf(definition.get("Default"));
        }
        warnings.add("Parameter " + name + " has no Default and no override: using \"\"");
        return "";
    }

    private String aliasOf(String function, String name) {
        if (name.endsWith(".Version")) {
            return "1";
        }
        Object alias = template.properties(function).getOrDefault("AutoPublishAlias",
                template.globalFunction().get("AutoPublishAlias"));
        return alias == null ? "live" : String.valueOf(alias);
    }
}
