#!/usr/bin/env python3
"""Checks that Terraform, the SAM template and the Java code's expectations agree.

Reads the Terraform configuration as JSON from deploy/checks/parse-hcl.mjs (HCL's own
parser), the SAM template through cfn-lint's YAML loader (it knows !Ref, !Sub, ...), and
the Java source of each adapter named in TABLE_CONTRACT.
Prints one line per problem and exits 1 if there is any.

usage: python3 deploy/checks/crosscheck.py [--hcl-json FILE]
"""
import argparse
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TERRAFORM_DIR = ROOT / "deploy" / "terraform"
TEMPLATE = ROOT / "deploy" / "sam" / "template.yaml"

# The contract the Java configuration reader must keep: the environment variables each
# handler reads. "*" applies to every function. Connect declares all three key variables;
# the JwtKeyMode condition leaves exactly one of them set at deploy time.
ENV_CONTRACT = {
    "*": {
        "DYNAMO_TABLE_NAME",
        "POWERTOOLS_SERVICE_NAME",
        "POWERTOOLS_METRICS_NAMESPACE",
        "POWERTOOLS_LOG_LEVEL",
        "JAVA_TOOL_OPTIONS",
    },
    "ConnectHandler": {
        "JWT_SECRET_ID",
        "PUBLIC_KEY_PARAMETER",
        "JWKS_URL",
        "JWT_ISSUER",
        "JWT_AUDIENCE",
        "JWT_CLAIMS_CLAIM",
        "MAX_CONNECTIONS_PER_USER",
    },
    "DisconnectHandler": set(),
    "DefaultHandler": {
        "WS_API_ENDPOINT",
        "MAX_SUBSCRIPTIONS_PER_CONNECTION",
        "HISTORY_TABLE_NAME",
        "HISTORY_RETENTION",
        "RESUME_MARGIN",
        "RESUME_CAP",
    },
    "NotifierHandler": {"WS_API_ENDPOINT", "DEAD_LETTER_QUEUE_URL", "HISTORY_TABLE_NAME", "HISTORY_RETENTION"},
}
FIXED_ENV_VALUES = {
    "POWERTOOLS_SERVICE_NAME": "herald",
    "POWERTOOLS_METRICS_NAMESPACE": "Herald",
    "JAVA_TOOL_OPTIONS": "-XX:+TieredCompilation -XX:TieredStopAtLevel=1",
}
# Key values never sit in a function's environment (lambda:GetFunctionConfiguration shows it, dynamic
# references resolved): the function reads them at run time from the secret or parameter named instead.
KEY_VALUES_IN_ENVIRONMENT = {"JWT_SECRET": "JWT_SECRET_ID", "PUBLIC_KEY": "PUBLIC_KEY_PARAMETER"}
# The DynamoDB tables a Java adapter owns, so that the template cannot drift from the code.
# The key and TTL attribute names are read from the adapter's constants, and the actions from
# the SDK calls in its source; which handler needs which of them is stated here (the Notifier
# only appends to the history, $default only resumes from it; DynamoDbNotificationHistoryIT
# shows that an append is one PutItem and a resume Query calls). Every other role must have
# no statement on the table, and the handlers that use it must name it in `environment`.
TABLE_CONTRACT = {
    "HistoryTable": {
        "adapter": "src/main/java/adapters/dynamodb/DynamoDbNotificationHistory.java",
        "keys": {"HASH": ("TARGET", "S"), "RANGE": ("POSITION", "S")},
        "ttl": "TTL",
        "environment": "HISTORY_TABLE_NAME",
        "grants": {"NotifierHandler": {"dynamodb:PutItem"}, "DefaultHandler": {"dynamodb:Query"}},
    },
}
# Durable and private like the connections table; retained so that a stack deletion keeps data.
TABLE_PROPERTIES = {
    "BillingMode": "PAY_PER_REQUEST",
    "SSESpecification": {"SSEEnabled": True},
    "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True},
}
JAVA_STRING_CONSTANT = re.compile(r'static\s+final\s+String\s+(\w+)\s*=\s*"([^"]*)"\s*;')
SDK_CALL = re.compile(r"\bclient\s*\.\s*([a-z]\w*)\s*\(")
# What java.time.Duration.parse reads, in the units a retention needs (days, hours, minutes, seconds).
ISO_DURATION = re.compile(r"^P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$")
HANDLER = re.compile(r"^adapters\.lambda\.(?P<name>[A-Z][A-Za-z]*Handler)::handleRequest$")
REQUIRED_TF_OUTPUTS = {
    "outbound_queue_url",
    "outbound_queue_arn",
    "dead_letter_queue_url",
    "dead_letter_queue_arn",
    "producer_policy_arn",
}
# Parameters without a default that the operator, not Terraform, supplies (make deploy PARAMS=...).
OPERATOR_PARAMETERS = {"JwtIssuer", "JwtAudience"}
# A "*" resource is allowed only where AWS requires it, marked in the source next to it:
#   # crosscheck: allow-star-resource <address> <why AWS requires it>
# where <address> is the SAM logical id or the Terraform block address (data.TYPE.NAME).
ALLOW_STAR = re.compile(r"#\s*crosscheck:\s*allow-star-resource\s+(\S+)")
# The metrics a dashboard may show: Herald's own (EMF lines the Lambda code writes, namespace
# POWERTOOLS_METRICS_NAMESPACE) are read from the code; these are the AWS-published ones we use.
AWS_METRICS = {
    "AWS/SQS": {"ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage", "NumberOfMessagesSent",
                "NumberOfMessagesReceived", "NumberOfMessagesDeleted", "ApproximateNumberOfMessagesNotVisible"},
    "AWS/Lambda": {"Invocations", "Errors", "Throttles", "Duration", "ConcurrentExecutions"},
    "AWS/ApiGateway": {"ConnectCount", "MessageCount", "IntegrationError", "ClientError", "ExecutionError",
                       "IntegrationLatency"},
}
LAMBDA_CODE = ROOT / "src" / "main" / "java" / "adapters" / "lambda"
EMITTED_METRIC = re.compile(r'addMetric\(\s*"(\w+)"|static final String \w+_METRIC = "(\w+)"')
STAR_IN_ENCODED_POLICY = re.compile(r'Resource"?\s*[=:]\s*\[?[^\]\n]*"\*"')


def load_mapping():
    """MAPPING from deploy/outputs-to-parameters.py, the one source of truth for it."""
    path = ROOT / "deploy" / "outputs-to-parameters.py"
    spec = importlib.util.spec_from_file_location("outputs_to_parameters", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.MAPPING


def load_terraform(hcl_json=None):
    """{file: parsed HCL} from a file written by parse-hcl.mjs, or by running it."""
    if hcl_json:
        return json.loads(Path(hcl_json).read_text())
    run = subprocess.run(
        ["node", "deploy/checks/parse-hcl.mjs", "deploy/terraform"],
        cwd=ROOT, capture_output=True, text=True,
    )
    if run.returncode != 0:
        raise SystemExit(f"crosscheck: parse-hcl failed:\n{run.stderr}")
    return json.loads(run.stdout)


def load_template(path=TEMPLATE):
    """The SAM template as plain dicts and lists, short-form tags understood."""
    try:
        from cfnlint.decode import cfn_yaml
    except ImportError:
        raise SystemExit("crosscheck: cfn-lint is not installed (pip install cfn-lint)")
    return cfn_yaml.load(str(path))


def terraform_blocks(tf, kind):
    """Merges one top-level block kind ('output', 'variable', 'resource', ...) across files."""
    merged = {}
    for parsed in tf.values():
        for name, body in parsed.get(kind, {}).items():
            if kind in ("resource", "data"):
                for label, instances in body.items():
                    merged[f"{name}.{label}"] = instances[0]
            else:
                merged[name] = body[0]
    return merged


def check_mapping(tf, template, mapping):
    problems = []
    outputs = terraform_blocks(tf, "output")
    parameters = template.get("Parameters", {})
    for name in sorted(REQUIRED_TF_OUTPUTS - outputs.keys()):
        problems.append(f"terraform: output {name} is missing from outputs.tf")
    for name, output in sorted(outputs.items()):
        if not output.get("description"):
            problems.append(f"terraform: output {name} has no description")
    for output, parameter in mapping.items():
        if output not in outputs:
            problems.append(f"mapping: terraform output {output} (for {parameter}) does not exist")
        if parameter not in parameters:
            problems.append(f"mapping: SAM parameter {parameter} (from {output}) does not exist")
    fed = set(mapping.values()) | OPERATOR_PARAMETERS
    for name, spec in sorted(parameters.items()):
        if "Default" not in spec and name not in fed:
            problems.append(f"mapping: SAM parameter {name} has no default and nothing supplies it")
    return problems


def check_timeouts(tf, template):
    problems = []
    queues = terraform_blocks(tf, "resource")
    outbound = queues.get("aws_sqs_queue.outbound")
    variables = terraform_blocks(tf, "variable")
    if outbound is None:
        return ["terraform: resource aws_sqs_queue.outbound is missing"]
    visibility = re.sub(r"\s+", "", str(outbound.get("visibility_timeout_seconds", "")))
    if visibility not in ("${6*var.notifier_timeout_seconds}", "${var.notifier_timeout_seconds*6}"):
        problems.append(
            "terraform: outbound visibility_timeout_seconds must be 6 * var.notifier_timeout_seconds,"
            f" found {outbound.get('visibility_timeout_seconds')!r}"
        )
    tf_default = variables.get("notifier_timeout_seconds", {}).get("default")
    sam_default = template.get("Parameters", {}).get("NotifierTimeoutSeconds", {}).get("Default")
    if tf_default is None or sam_default is None or int(tf_default) != int(sam_default):
        problems.append(
            f"timeouts: terraform notifier_timeout_seconds default {tf_default} != "
            f"SAM NotifierTimeoutSeconds default {sam_default}"
        )
    notifier = functions(template).get("NotifierHandler", (None, {}))[1]
    if notifier.get("Timeout") != {"Ref": "NotifierTimeoutSeconds"}:
        problems.append("sam: the Notifier's Timeout must be !Ref NotifierTimeoutSeconds")
    return problems


def has_star(value):
    return value == "*" or (isinstance(value, list) and "*" in value)


def star_statements_sam(node, address):
    """Addresses of IAM statements under node whose Resource or NotResource is '*'."""
    found = []
    if isinstance(node, dict):
        if "Effect" in node and (has_star(node.get("Resource")) or has_star(node.get("NotResource"))):
            found.append(address)
        for value in node.values():
            found += star_statements_sam(value, address)
    elif isinstance(node, list):
        for value in node:
            found += star_statements_sam(value, address)
    return found


def star_statements_terraform(node, address):
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("resources", "not_resources") and has_star(value):
                found.append(address)
            else:
                found += star_statements_terraform(value, address)
    elif isinstance(node, list):
        for value in node:
            found += star_statements_terraform(value, address)
    elif isinstance(node, str) and STAR_IN_ENCODED_POLICY.search(node):
        found.append(address)  # a jsonencode()d or heredoc policy
    return found


def check_star_resources(tf, template, tf_sources, template_source):
    problems = []
    allowed_tf = set(ALLOW_STAR.findall("\n".join(tf_sources)))
    allowed_sam = set(ALLOW_STAR.findall(template_source))
    for kind in ("resource", "data"):
        for address, body in terraform_blocks(tf, kind).items():
            full = address if kind == "resource" else f"data.{address}"
            for hit in sorted(set(star_statements_terraform(body, full)) - allowed_tf):
                problems.append(f'terraform: {hit} has an IAM statement on Resource "*"')
    for logical_id, resource in template.get("Resources", {}).items():
        for hit in sorted(set(star_statements_sam(resource, logical_id)) - allowed_sam):
            problems.append(f'sam: {hit} has an IAM statement on Resource "*"')
    return problems


def functions(template):
    """{HandlerClassName: (logical id, properties)} for every Lambda function."""
    found = {}
    for logical_id, resource in template.get("Resources", {}).items():
        if resource.get("Type") in ("AWS::Serverless::Function", "AWS::Lambda::Function"):
            properties = resource.get("Properties", {})
            match = HANDLER.match(str(properties.get("Handler", "")))
            name = match.group("name") if match else f"?{logical_id}"
            found[name] = (logical_id, properties)
    return found


def environment(template, properties):
    """A function's variables: Globals merged with its own."""
    global_env = template.get("Globals", {}).get("Function", {}).get("Environment", {}).get("Variables", {})
    return {**global_env, **properties.get("Environment", {}).get("Variables", {})}


def check_handlers_and_environment(template):
    problems = []
    found = functions(template)
    for name, (logical_id, properties) in sorted(found.items()):
        if name not in ENV_CONTRACT:
            problems.append(
                f"sam: {logical_id} Handler {properties.get('Handler')!r} is not "
                "adapters.lambda.<Name>Handler::handleRequest for a known handler"
            )
            continue
        env = environment(template, properties)
        for variable in sorted((ENV_CONTRACT["*"] | ENV_CONTRACT[name]) - env.keys()):
            problems.append(f"sam: {logical_id} ({name}) lacks environment variable {variable}")
        for variable in sorted(env.keys() - ENV_CONTRACT["*"] - ENV_CONTRACT[name]):
            problems.append(f"sam: {logical_id} ({name}) has environment variable {variable}, which its handler does not read")
        for variable, expected in FIXED_ENV_VALUES.items():
            if variable in env and env[variable] != expected:
                problems.append(f"sam: {logical_id} {variable} is {env[variable]!r}, expected {expected!r}")
        for variable, name in KEY_VALUES_IN_ENVIRONMENT.items():
            if variable in env:
                problems.append(f"sam: {logical_id} sets {variable}, a key value in its configuration; name it in {name}")
    for name in sorted(set(ENV_CONTRACT) - {"*"} - found.keys()):
        problems.append(f"sam: no function has Handler adapters.lambda.{name}::handleRequest")
    return problems


def check_notifier_events(template):
    _, notifier = functions(template).get("NotifierHandler", (None, {}))
    sqs = [e.get("Properties", {}) for e in notifier.get("Events", {}).values() if e.get("Type") == "SQS"]
    if len(sqs) != 1:
        return ["sam: the Notifier needs exactly one SQS event"]
    problems = []
    if sqs[0].get("Queue") != {"Ref": "OutboundQueueArn"}:
        problems.append("sam: the Notifier's SQS event must poll !Ref OutboundQueueArn")
    if "ReportBatchItemFailures" not in sqs[0].get("FunctionResponseTypes", []):
        problems.append("sam: the Notifier's SQS event lacks FunctionResponseTypes ReportBatchItemFailures")
    return problems


def mentions(node, logical_id):
    """Whether an IAM Resource names the resource: !Ref, !GetAtt, or ${Id} / ${Id.Attr} in a !Sub."""
    if isinstance(node, dict):
        if node.get("Ref") == logical_id:
            return True
        get_att = node.get("Fn::GetAtt")
        if isinstance(get_att, list) and get_att[:1] == [logical_id]:
            return True
        sub = node.get("Fn::Sub")
        text = sub[0] if isinstance(sub, list) else sub
        if isinstance(text, str) and re.search(r"\$\{" + re.escape(logical_id) + r"[.}]", text):
            return True
        return any(mentions(value, logical_id) for value in node.values())
    if isinstance(node, list):
        return any(mentions(value, logical_id) for value in node)
    return False


def as_set(value):
    return set(value) if isinstance(value, list) else {value}


def granted_actions(role, logical_id):
    """The actions a role's inline policies allow on the resource (or on anything under its ARN)."""
    actions = set()
    for policy in role.get("Properties", {}).get("Policies", []):
        for statement in policy.get("PolicyDocument", {}).get("Statement", []):
            if statement.get("Effect") == "Allow" and mentions(statement.get("Resource"), logical_id):
                actions |= as_set(statement.get("Action", []))
    return actions


def role_handlers(template):
    """{role logical id: handler name} for every IAM role, None for a role no function assumes."""
    roles = {
        logical_id: None
        for logical_id, resource in template.get("Resources", {}).items()
        if resource.get("Type") == "AWS::IAM::Role"
    }
    for name, (_, properties) in functions(template).items():
        role = properties.get("Role", {})
        if isinstance(role, dict) and isinstance(role.get("Fn::GetAtt"), list):
            roles[role["Fn::GetAtt"][0]] = name
    return roles


def load_java(contracts=TABLE_CONTRACT):
    """{path: source} of the adapters named in the table contracts."""
    return {c["adapter"]: (ROOT / c["adapter"]).read_text() for c in contracts.values()}


def check_table_layout(logical_id, resource, contract, constants):
    problems = []
    properties = resource.get("Properties", {})
    types = {a.get("AttributeName"): a.get("AttributeType") for a in properties.get("AttributeDefinitions", [])}
    keys = {k.get("KeyType"): k.get("AttributeName") for k in properties.get("KeySchema", [])}
    for key_type, (constant, attribute_type) in contract["keys"].items():
        name = constants.get(constant)
        if name is None:
            problems.append(f"java: {contract['adapter']} has no String constant {constant} (the {key_type} key)")
        elif keys.get(key_type) != name or types.get(name) != attribute_type:
            problems.append(
                f"sam: {logical_id} {key_type} key is {keys.get(key_type)!r} ({types.get(keys.get(key_type))}),"
                f" but the adapter uses {name!r} ({attribute_type})"
            )
    ttl = properties.get("TimeToLiveSpecification", {})
    name = constants.get(contract["ttl"])
    if name is None:
        problems.append(f"java: {contract['adapter']} has no String constant {contract['ttl']} (the TTL attribute)")
    elif ttl.get("AttributeName") != name or ttl.get("Enabled") is not True:
        problems.append(f"sam: {logical_id} must enable TTL on {name!r}, the adapter's TTL attribute; found {ttl}")
    for key, expected in TABLE_PROPERTIES.items():
        if properties.get(key) != expected:
            problems.append(f"sam: {logical_id} {key} must be {expected}, found {properties.get(key)}")
    for policy in ("DeletionPolicy", "UpdateReplacePolicy"):
        if resource.get(policy) != "Retain":
            problems.append(f"sam: {logical_id} {policy} must be Retain, like the connections table")
    return problems


def check_table_access(template, logical_id, contract, calls):
    problems = []
    for role_id, handler in sorted(role_handlers(template).items()):
        granted = granted_actions(template["Resources"][role_id], logical_id)
        expected = contract["grants"].get(handler, set())
        if granted != expected:
            problems.append(
                f"sam: {role_id} ({handler or 'no function'}) is granted {sorted(granted)} on {logical_id},"
                f" expected {sorted(expected)}"
            )
    needed = set().union(*contract["grants"].values())
    for action in sorted(calls - needed):
        problems.append(f"java: {contract['adapter']} calls {action}, which no handler is granted on {logical_id}")
    for action in sorted(needed - calls):
        problems.append(f"sam: {action} is granted on {logical_id}, but {contract['adapter']} never calls it")
    for name, (function_id, properties) in sorted(functions(template).items()):
        value = environment(template, properties).get(contract["environment"])
        if name in contract["grants"] and value != {"Ref": logical_id}:
            problems.append(f"sam: {function_id} {contract['environment']} must be !Ref {logical_id}, found {value}")
    return problems


def check_tables(template, java):
    problems = []
    for logical_id, contract in TABLE_CONTRACT.items():
        resource = template.get("Resources", {}).get(logical_id)
        if resource is None or resource.get("Type") != "AWS::DynamoDB::Table":
            problems.append(f"sam: no AWS::DynamoDB::Table {logical_id}")
            continue
        source = java[contract["adapter"]]
        constants = dict(JAVA_STRING_CONSTANT.findall(source))
        calls = {"dynamodb:" + call[0].upper() + call[1:].removesuffix("Paginator") for call in SDK_CALL.findall(source)}
        problems += check_table_layout(logical_id, resource, contract, constants)
        problems += check_table_access(template, logical_id, contract, calls)
    return problems


def check_history_settings(template):
    """The retention must be one setting for both sides, and the resume margin must outlast a Notifier run."""
    problems = []
    default = str(template.get("Parameters", {}).get("HistoryRetention", {}).get("Default"))
    if not ISO_DURATION.match(default):
        problems.append(f"sam: parameter HistoryRetention default {default!r} is not an ISO-8601 duration such as PT24H")
    for name, (logical_id, properties) in sorted(functions(template).items()):
        env = environment(template, properties)
        # The Notifier expires entries by it and $default judges a resume complete by it.
        if "HISTORY_RETENTION" in env and env["HISTORY_RETENTION"] != {"Ref": "HistoryRetention"}:
            problems.append(f"sam: {logical_id} HISTORY_RETENTION must be !Ref HistoryRetention, found {env['HISTORY_RETENTION']}")
        # An entry can be pushed up to a Notifier timeout after its position: a shorter margin loses it.
        if "RESUME_MARGIN" in env and "${NotifierTimeoutSeconds}" not in json.dumps(env["RESUME_MARGIN"]):
            problems.append(f"sam: {logical_id} RESUME_MARGIN must be derived from NotifierTimeoutSeconds, found {env['RESUME_MARGIN']}")
    return problems



def emitted_metrics(code_dir=LAMBDA_CODE):
    """Metric names the Lambda code writes as EMF: addMetric("Name", ...) or a *_METRIC constant."""
    names = set()
    for path in sorted(code_dir.glob("*.java")):
        for match in EMITTED_METRIC.finditer(path.read_text()):
            names.add(match.group(1) or match.group(2))
    return names


def dashboard_metrics(template):
    """(logical id, namespace, metric name) for every metric row of every dashboard in the template."""
    found = []
    for logical_id, resource in template.get("Resources", {}).items():
        if resource.get("Type") != "AWS::CloudWatch::Dashboard":
            continue
        body = resource.get("Properties", {}).get("DashboardBody")
        if isinstance(body, dict) and "Fn::Sub" in body:
            body = body["Fn::Sub"][0] if isinstance(body["Fn::Sub"], list) else body["Fn::Sub"]
        widgets = json.loads(re.sub(r"\$\{[^}]+\}", "x", str(body))).get("widgets", [])
        for widget in widgets:
            for row in widget.get("properties", {}).get("metrics", []):
                names = [item for item in row if isinstance(item, str)]
                found.append((logical_id, names[0], names[1]) if len(names) > 1 else (logical_id, "?", "?"))
    return found


def check_dashboard(template, emitted):
    problems = []
    namespace = template.get("Globals", {}).get("Function", {}).get("Environment", {}).get("Variables", {}).get(
        "POWERTOOLS_METRICS_NAMESPACE")
    for logical_id, metric_namespace, name in dashboard_metrics(template):
        if metric_namespace == namespace:
            if name not in emitted:
                problems.append(f"dashboard: {logical_id} shows {metric_namespace}/{name}, which the code never emits")
        elif name not in AWS_METRICS.get(metric_namespace, set()):
            problems.append(f"dashboard: {logical_id} shows {metric_namespace}/{name}, not a metric AWS publishes that we know")
    return problems


def all_problems(tf, template, tf_sources, template_source, mapping, java=None, emitted=None):
    return (
        check_mapping(tf, template, mapping)
        + check_timeouts(tf, template)
        + check_star_resources(tf, template, tf_sources, template_source)
        + check_handlers_and_environment(template)
        + check_notifier_events(template)
        + check_tables(template, java if java is not None else load_java())
        + check_history_settings(template)
        + check_dashboard(template, emitted_metrics() if emitted is None else emitted)
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hcl-json", help="output of parse-hcl.mjs (default: run it)")
    args = parser.parse_args()
    tf = load_terraform(args.hcl_json)
    tf_sources = [path.read_text() for path in sorted(TERRAFORM_DIR.glob("*.tf"))]
    problems = all_problems(tf, load_template(), tf_sources, TEMPLATE.read_text(), load_mapping())
    for problem in problems:
        print(problem)
    print(f"crosscheck: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
