"""Negative tests for crosscheck.py: each mutation of the real template or Terraform must
be reported, so deleting a check makes its test fail.

usage: python3 -m unittest deploy/checks/test_crosscheck.py   (needs node_modules: make validate)
"""
import copy
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import crosscheck  # noqa: E402

TEMPLATE_SOURCE = crosscheck.TEMPLATE.read_text()
TF_SOURCES = [path.read_text() for path in sorted(crosscheck.TERRAFORM_DIR.glob("*.tf"))]
TF = crosscheck.load_terraform()
MAPPING = crosscheck.load_mapping()
JAVA = crosscheck.load_java()
HISTORY_ADAPTER = crosscheck.TABLE_CONTRACT["HistoryTable"]["adapter"]


def problems(template_source=TEMPLATE_SOURCE, tf=TF, mapping=MAPPING, java=JAVA):
    with tempfile.NamedTemporaryFile("w", suffix=".yaml") as file:
        file.write(template_source)
        file.flush()
        template = crosscheck.load_template(file.name)
    return crosscheck.all_problems(tf, template, TF_SOURCES, template_source, mapping, java)


def mutated(old, new):
    assert TEMPLATE_SOURCE.count(old) == 1, f"the template no longer has exactly one {old!r}"
    return TEMPLATE_SOURCE.replace(old, new)


def history_adapter_with(old, new):
    """The Java sources with one change to the history adapter."""
    source = JAVA[HISTORY_ADAPTER]
    assert source.count(old) == 1, f"the history adapter no longer has exactly one {old!r}"
    return {**JAVA, HISTORY_ADAPTER: source.replace(old, new)}


def terraform_with(file, path, value):
    """A copy of the parsed Terraform with one value, at a key path, replaced."""
    tf = copy.deepcopy(TF)
    node = tf[str(crosscheck.TERRAFORM_DIR.relative_to(crosscheck.ROOT) / file)]
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return tf


class CrossCheckTest(unittest.TestCase):
    def assertReported(self, fragment, found):
        self.assertTrue(any(fragment in p for p in found), f"{fragment!r} not in {found}")

    def test_the_committed_configuration_passes(self):
        self.assertEqual([], problems())

    def test_a_star_resource_in_sam_is_reported(self):
        source = mutated("Resource: !Ref DeadLetterQueueArn", 'Resource: "*"')
        self.assertReported('NotifierRole has an IAM statement on Resource "*"', problems(source))

    def test_a_star_inside_a_resource_list_is_reported(self):
        source = mutated(
            "                  - !Sub ${ConnectionsTable.Arn}/index/byClaim\n",
            '                  - "*"\n',
        )
        self.assertReported('NotifierRole has an IAM statement on Resource "*"', problems(source))

    def test_a_marked_star_resource_is_allowed(self):
        source = mutated("Resource: !Ref DeadLetterQueueArn", 'Resource: "*"')
        source += "\n# crosscheck: allow-star-resource NotifierRole (test: AWS requires it)\n"
        self.assertEqual([], problems(source))

    def test_a_star_resource_in_terraform_is_reported(self):
        path = ["data", "aws_iam_policy_document", "producer", 0, "statement", 0, "resources"]
        found = problems(tf=terraform_with("iam.tf", path, ["*"]))
        self.assertReported('data.aws_iam_policy_document.producer has an IAM statement on Resource "*"', found)

    def test_a_missing_environment_variable_is_reported(self):
        source = mutated("          MAX_SUBSCRIPTIONS_PER_CONNECTION: !Ref MaxSubscriptionsPerConnection\n", "")
        self.assertReported(
            "DefaultFunction (DefaultHandler) lacks environment variable MAX_SUBSCRIPTIONS_PER_CONNECTION",
            problems(source),
        )

    def test_a_missing_global_environment_variable_is_reported_for_every_function(self):
        source = mutated("        JAVA_TOOL_OPTIONS: -XX:+TieredCompilation -XX:TieredStopAtLevel=1\n", "")
        found = [p for p in problems(source) if "lacks environment variable JAVA_TOOL_OPTIONS" in p]
        self.assertEqual(4, len(found), found)

    def test_a_jwt_secret_value_in_the_environment_is_reported(self):
        source = mutated(
            "          JWT_SECRET_ID: !If [UseJwtSecret, !Ref JwtSecretId, !Ref AWS::NoValue]\n",
            '          JWT_SECRET: "{{resolve:secretsmanager:herald/jwt-secret:SecretString}}"\n',
        )
        found = problems(source)
        self.assertReported("ConnectFunction sets JWT_SECRET, a key value in its configuration; name it in JWT_SECRET_ID", found)
        self.assertReported("lacks environment variable JWT_SECRET_ID", found)

    def test_a_wrong_handler_is_reported(self):
        source = mutated(
            "Handler: adapters.lambda.NotifierHandler::handleRequest",
            "Handler: adapters.lambda.Notifier::handle",
        )
        found = problems(source)
        self.assertReported("NotifierFunction Handler 'adapters.lambda.Notifier::handle'", found)
        self.assertReported("no function has Handler adapters.lambda.NotifierHandler::handleRequest", found)

    def test_a_mapped_output_missing_from_terraform_is_reported(self):
        found = problems(mapping={**MAPPING, "no_such_output": "OutboundQueueArn"})
        self.assertReported("terraform output no_such_output (for OutboundQueueArn) does not exist", found)

    def test_a_mapped_parameter_missing_from_sam_is_reported(self):
        found = problems(mapping={**MAPPING, "outbound_queue_arn": "QueueArn"})
        self.assertReported("SAM parameter QueueArn (from outbound_queue_arn) does not exist", found)

    def test_a_visibility_timeout_not_six_times_the_notifier_timeout_is_reported(self):
        path = ["resource", "aws_sqs_queue", "outbound", 0, "visibility_timeout_seconds"]
        found = problems(tf=terraform_with("queues.tf", path, "${5 * var.notifier_timeout_seconds}"))
        self.assertReported("visibility_timeout_seconds must be 6 * var.notifier_timeout_seconds", found)

    def test_diverging_notifier_timeout_defaults_are_reported(self):
        source = mutated("    Default: 30\n    MinValue: 1\n    MaxValue: 900\n", "    Default: 60\n    MinValue: 1\n    MaxValue: 900\n")
        self.assertReported("SAM NotifierTimeoutSeconds default 60", problems(source))

    def test_a_notifier_without_partial_batch_responses_is_reported(self):
        source = mutated("            FunctionResponseTypes: [ReportBatchItemFailures]\n", "")
        self.assertReported("lacks FunctionResponseTypes ReportBatchItemFailures", problems(source))

    def test_an_environment_variable_the_handler_does_not_read_is_reported(self):
        source = mutated(
            "          MAX_CONNECTIONS_PER_USER: !Ref MaxConnectionsPerUser\n",
            "          MAX_CONNECTIONS_PER_USER: !Ref MaxConnectionsPerUser\n          HISTORY_TABLE_NAME: !Ref HistoryTable\n",
        )
        self.assertReported(
            "ConnectFunction (ConnectHandler) has environment variable HISTORY_TABLE_NAME, which its handler does not read",
            problems(source),
        )

    def test_a_missing_history_variable_is_reported(self):
        source = mutated("          RESUME_CAP: !Ref ResumeCap\n", "")
        self.assertReported("DefaultFunction (DefaultHandler) lacks environment variable RESUME_CAP", problems(source))

    def test_a_history_table_name_pointing_elsewhere_is_reported(self):
        source = mutated(
            "          DEAD_LETTER_QUEUE_URL: !Ref DeadLetterQueueUrl\n          HISTORY_TABLE_NAME: !Ref HistoryTable\n",
            "          DEAD_LETTER_QUEUE_URL: !Ref DeadLetterQueueUrl\n          HISTORY_TABLE_NAME: !Ref ConnectionsTable\n",
        )
        self.assertReported("NotifierFunction HISTORY_TABLE_NAME must be !Ref HistoryTable", problems(source))

    def test_a_history_key_other_than_the_adapters_is_reported(self):
        source = mutated("        - { AttributeName: position, KeyType: RANGE }\n", "        - { AttributeName: sk, KeyType: RANGE }\n")
        self.assertReported("HistoryTable RANGE key is 'sk' (None), but the adapter uses 'position' (S)", problems(source))

    def test_an_adapter_key_other_than_the_templates_is_reported(self):
        found = problems(java=history_adapter_with('TARGET = "target";', 'TARGET = "audience";'))
        self.assertReported("HistoryTable HASH key is 'target' (S), but the adapter uses 'audience' (S)", found)

    def test_an_adapter_without_the_key_constant_is_reported(self):
        found = problems(java=history_adapter_with('String POSITION = "position";', 'String SORT = "position";'))
        self.assertReported("has no String constant POSITION (the RANGE key)", found)

    def test_a_ttl_attribute_other_than_the_adapters_is_reported(self):
        found = problems(java=history_adapter_with('TTL = "ttl";', 'TTL = "expireAt";'))
        self.assertReported("HistoryTable must enable TTL on 'expireAt', the adapter's TTL attribute", found)

    def test_a_history_table_without_encryption_is_reported(self):
        source = mutated(
            "        SSEEnabled: true\n\n  # ---- WebSocket API",
            "        SSEEnabled: false\n\n  # ---- WebSocket API",
        )
        self.assertReported("HistoryTable SSESpecification must be {'SSEEnabled': True}", problems(source))

    def test_a_history_table_deleted_with_the_stack_is_reported(self):
        source = mutated(
            "  HistoryTable:\n    Type: AWS::DynamoDB::Table\n    DeletionPolicy: Retain\n",
            "  HistoryTable:\n    Type: AWS::DynamoDB::Table\n    DeletionPolicy: Delete\n",
        )
        self.assertReported("HistoryTable DeletionPolicy must be Retain", problems(source))

    def test_a_wider_history_grant_is_reported(self):
        source = mutated(
            "                Action: dynamodb:Query\n                Resource: !GetAtt HistoryTable.Arn\n",
            "                Action: [dynamodb:Query, dynamodb:Scan]\n                Resource: !GetAtt HistoryTable.Arn\n",
        )
        found = problems(source)
        self.assertReported(
            "DefaultRole (DefaultHandler) is granted ['dynamodb:Query', 'dynamodb:Scan'] on HistoryTable,"
            " expected ['dynamodb:Query']",
            found,
        )

    def test_a_history_grant_to_a_function_that_does_not_use_it_is_reported(self):
        source = mutated(
            "Resource: !Sub ${ConnectionsTable.Arn}/index/byUser",
            "Resource: [!Sub '${ConnectionsTable.Arn}/index/byUser', !Sub '${HistoryTable.Arn}/index/*']",
        )
        self.assertReported(
            "ConnectRole (ConnectHandler) is granted ['dynamodb:Query'] on HistoryTable, expected []", problems(source)
        )

    def test_a_missing_history_grant_is_reported(self):
        source = mutated(
            "                Action: dynamodb:PutItem\n                Resource: !GetAtt HistoryTable.Arn\n",
            "                Action: dynamodb:PutItem\n                Resource: !GetAtt ConnectionsTable.Arn\n",
        )
        self.assertReported(
            "NotifierRole (NotifierHandler) is granted [] on HistoryTable, expected ['dynamodb:PutItem']", problems(source)
        )

    def test_an_adapter_call_no_handler_is_granted_is_reported(self):
        found = problems(java=history_adapter_with("client.query(request)", "client.scan(scan -> scan.tableName(table))"))
        self.assertReported(f"{HISTORY_ADAPTER} calls dynamodb:Scan, which no handler is granted on HistoryTable", found)
        self.assertReported(f"dynamodb:Query is granted on HistoryTable, but {HISTORY_ADAPTER} never calls it", found)

    def test_diverging_retentions_are_reported(self):
        source = mutated(
            "          HISTORY_TABLE_NAME: !Ref HistoryTable\n          HISTORY_RETENTION: !Ref HistoryRetention\n      Events:",
            "          HISTORY_TABLE_NAME: !Ref HistoryTable\n          HISTORY_RETENTION: PT1H\n      Events:",
        )
        self.assertReported("NotifierFunction HISTORY_RETENTION must be !Ref HistoryRetention", problems(source))

    def test_a_retention_default_java_cannot_parse_is_reported(self):
        source = mutated("    Default: PT24H\n", "    Default: 24h\n")
        self.assertReported("HistoryRetention default '24h' is not an ISO-8601 duration", problems(source))

    def test_a_resume_margin_not_derived_from_the_notifier_timeout_is_reported(self):
        source = mutated("RESUME_MARGIN: !Sub PT1M${NotifierTimeoutSeconds}S", "RESUME_MARGIN: PT1M")
        self.assertReported("DefaultFunction RESUME_MARGIN must be derived from NotifierTimeoutSeconds", problems(source))
    def test_the_code_emits_the_delivery_and_connect_metrics(self):
        self.assertTrue({"Delivered", "DeadLettered", "FanOutDuration", "ConnectAccepted", "ConnectRefused"}
                        <= crosscheck.emitted_metrics())

    def test_a_dashboard_metric_the_code_never_emits_is_reported(self):
        source = mutated('"Evicted",', '"Reticulated",')
        self.assertReported("OperationsDashboard shows Herald/Reticulated, which the code never emits", problems(source))

    def test_a_metric_that_the_code_stops_emitting_is_reported(self):
        found = crosscheck.all_problems(TF, crosscheck.load_template(), TF_SOURCES, TEMPLATE_SOURCE, MAPPING,
                                        emitted=crosscheck.emitted_metrics() - {"ConnectRefused"})
        self.assertReported("shows Herald/ConnectRefused, which the code never emits", found)

    def test_a_dashboard_metric_aws_does_not_publish_is_reported(self):
        source = mutated('"ConnectCount",', '"ConnectionCount",')
        self.assertReported("shows AWS/ApiGateway/ConnectionCount, not a metric AWS publishes", problems(source))


if __name__ == "__main__":
    unittest.main()
