output "outbound_queue_url" {
  description = "URL producers send CloudEvents notifications to; give it to them as OUTBOUND_QUEUE_URL."
  value       = aws_sqs_queue.outbound.url
}

output "outbound_queue_arn" {
  description = "ARN of the outbound queue; the SAM stack's Notifier polls it (parameter OutboundQueueArn)."
  value       = aws_sqs_queue.outbound.arn
}

output "dead_letter_queue_url" {
  description = "URL of the dead-letter queue; the Notifier sends undeliverable messages here (parameter DeadLetterQueueUrl)."
  value       = aws_sqs_queue.dead_letter.url
}

output "dead_letter_queue_arn" {
  description = "ARN of the dead-letter queue; scopes the Notifier's sqs:SendMessage (parameter DeadLetterQueueArn)."
  value       = aws_sqs_queue.dead_letter.arn
}

output "producer_policy_arn" {
  description = "Managed policy to attach to each producer Lambda's role: sqs:SendMessage on the outbound queue only."
  value       = aws_iam_policy.producer.arn
}
