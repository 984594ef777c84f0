# A fixture shaped like deploy/terraform, with other labels, a prefix and a literal-free DLQ reference.
resource "aws_sqs_queue" "graveyard" {
  name = "${var.name_prefix}outbound-messages-dlq"
}

resource "aws_sqs_queue" "outbound" {
  name                       = "${var.name_prefix}outbound-messages"
  visibility_timeout_seconds = 6 * var.consumer_timeout_seconds
  message_retention_seconds  = 3600

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.graveyard.arn
    maxReceiveCount     = var.max_receive_count
  })
}

resource "aws_sqs_queue" "unrelated" {
  name = "${var.name_prefix}something-else"
}
