#!/usr/bin/env python3
"""Turns `terraform output -json` into `sam deploy --parameter-overrides` arguments.

MAPPING is the one place that says which Terraform output feeds which SAM parameter:
`make deploy` pipes Terraform's outputs through this script, and deploy/checks/crosscheck.py
reads MAPPING to prove both ends exist, so Terraform and SAM cannot drift apart silently.

usage: terraform -chdir=deploy/terraform output -json | python3 deploy/outputs-to-parameters.py
prints: OutboundQueueArn=arn:... OutboundQueueUrl=https://... ...
"""
import json
import sys

# Terraform output name -> SAM template parameter name.
MAPPING = {
    "outbound_queue_arn": "OutboundQueueArn",
    "outbound_queue_url": "OutboundQueueUrl",
    "dead_letter_queue_url": "DeadLetterQueueUrl",
    "dead_letter_queue_arn": "DeadLetterQueueArn",
}


def parameter_overrides(outputs):
    """Returns ["Param=value", ...] from parsed `terraform output -json`; raises on a gap."""
    overrides = []
    for output, parameter in MAPPING.items():
        if output not in outputs:
            raise LookupError(f"terraform output {output!r} is missing (has terraform apply run?)")
        value = str(outputs[output]["value"])
        # sam deploy splits overrides on whitespace; ARNs and queue URLs never contain any.
        if not value or any(c.isspace() for c in value):
            raise ValueError(f"terraform output {output!r} is empty or contains whitespace: {value!r}")
        overrides.append(f"{parameter}={value}")
    return overrides


def main():
    try:
        outputs = json.load(sys.stdin)
        print(" ".join(parameter_overrides(outputs)))
    except (ValueError, LookupError) as error:
        print(f"outputs-to-parameters: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
