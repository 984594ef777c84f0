terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

# The region comes from AWS_REGION (the Makefile passes the same value to sam deploy),
# so the queues and the functions that poll them cannot end up in different regions.
provider "aws" {
  default_tags {
    tags = merge({ Application = "herald" }, var.tags)
  }
}
