# Attach this to the role of each producer Lambda: it can enqueue notifications and nothing
# else. The Notifier's own permissions live in the SAM template next to the function.
data "aws_iam_policy_document" "producer" {
  statement {
    sid       = "SendNotifications"
    effect    = "Allow"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.outbound.arn]
  }
}

resource "aws_iam_policy" "producer" {
  name        = "${var.name_prefix}herald-outbound-producer"
  description = "Send notifications to Herald's outbound queue."
  policy      = data.aws_iam_policy_document.producer.json
}
