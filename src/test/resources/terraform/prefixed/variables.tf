variable "name_prefix" {
  type    = string
  default = "dev-"
}

variable "max_receive_count" {
  type    = number
  default = 3
}

variable "consumer_timeout_seconds" {
  type    = number
  default = 10
}
