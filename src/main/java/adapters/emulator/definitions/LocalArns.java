package adapters.emulator.definitions;

/** {@code Fn::GetAtt} on a laptop: the ARNs and attributes a resource would have in the local account and region. */
final class LocalArns {
    private final LocalReferences references;

    LocalArns(LocalReferences references) {
        this.references = references;
    }

    String function(String name) {
        return arn("lambda", "function:" + name);
    }

    Object attribute(String resource, String type, String attribute, Intrinsics intrinsics) {
        String name = String.valueOf(references.ref(resource, intrinsics));
        switch (type + "." + attribute) {
            case "AWS::DynamoDB::Table.Arn": return arn("dynamodb", "table/" + name);
            case "AWS::DynamoDB::Table.StreamArn": return arn("dynamodb", "table/" + name + "/stream/local");
            case "AWS::Serverless::Function.Arn": case "AWS::Lambda::Function.Arn": return function(name);
            case "AWS::IAM::Role.Arn": return "arn:aws:iam::" + references.account() + ":role/" + name;
            case "AWS::Logs::LogGroup.Arn": return arn("logs", "log-group:" + name + ":*");
            case "AWS::SQS::Queue.Arn": return arn("sqs", name.substring(name.lastIndexOf('/') + 1));
            case "AWS::SQS::Queue.QueueName": return name.substring(name.lastIndexOf('/') + 1);
            case "AWS::SQS::Queue.QueueUrl": return name;
            case "AWS::ApiGatewayV2::Api.ApiId": case "AWS::Serverless::WebSocketApi.ApiId": return name;
            case "AWS::ApiGatewayV2::Api.ApiEndpoint": case "AWS::Serverless::WebSocketApi.ApiEndpoint":
                return "wss://" + name + ".execute-api." + references.region() + ".amazonaws.com";
            default: return references.unsupported("Fn::GetAtt", resource + "." + attribute);
        }
    }

    private String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + references.region() + ":" + references.account() + ":" + resource;
    }
}
