resource "aws_sqs_queue" "outbound" {
  name = "lonely"
}
