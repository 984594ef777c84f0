resource "aws_sqs_queue" "inbound" {
  name = "inbound"
}
