# SQS-managed encryption (SSE-SQS) rather than a KMS key: the Notifier and every producer
# then need no kms:Decrypt / kms:GenerateDataKey grant, and there is no key policy to keep
# in step with roles that live in another stack. Swap for kms_master_key_id if a
# customer-managed key is ever required; the producer policy and the Notifier role would
# both need the KMS grant then.

resource "aws_sqs_queue" "dead_letter" {
  name                      = "${var.name_prefix}outbound-messages-dlq"
  message_retention_seconds = 1209600 # 14 days, the SQS maximum: time to inspect and redrive
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "outbound" {
  name                       = "${var.name_prefix}outbound-messages"
  visibility_timeout_seconds = 6 * var.notifier_timeout_seconds
  message_retention_seconds  = var.outbound_message_retention_seconds
  sqs_managed_sse_enabled    = true

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead_letter.arn
    maxReceiveCount     = var.max_receive_count
  })
}

# Only the outbound queue may use the DLQ as its dead-letter target.
resource "aws_sqs_queue_redrive_allow_policy" "dead_letter" {
  queue_url = aws_sqs_queue.dead_letter.id

  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.outbound.arn]
  })
}
