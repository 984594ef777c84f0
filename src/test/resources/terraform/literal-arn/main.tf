resource "aws_sqs_queue" "dlq" {
  name = "herald-dlq"
}

resource "aws_sqs_queue" "outbound" {
  name = "herald-outbound"

  redrive_policy = jsonencode({
    deadLetterTargetArn = "arn:aws:sqs:eu-west-1:123456789012:herald-dlq"
    maxReceiveCount     = 2
  })
}
