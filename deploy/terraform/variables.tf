variable "name_prefix" {
  description = "Prefix for every queue and policy name, e.g. \"staging-\". Empty gives the names the SAM stack and the producers expect by default."
  type        = string
  default     = ""
}

variable "max_receive_count" {
  description = "Receives of one message before SQS moves it to the dead-letter queue."
  type        = number
  default     = 5

  validation {
    condition     = var.max_receive_count >= 1 && var.max_receive_count <= 1000
    error_message = "max_receive_count must be between 1 and 1000."
  }
}

variable "notifier_timeout_seconds" {
  description = "Timeout of the Notifier Lambda; must equal the SAM parameter NotifierTimeoutSeconds. The outbound queue's visibility timeout is six times this, as AWS advises for Lambda event sources."
  type        = number
  default     = 30

  validation {
    # 6 x 900 s stays under SQS's 12-hour visibility limit.
    condition     = var.notifier_timeout_seconds >= 1 && var.notifier_timeout_seconds <= 900
    error_message = "notifier_timeout_seconds must be between 1 and 900 (the Lambda maximum)."
  }
}

variable "outbound_message_retention_seconds" {
  description = "How long an undelivered notification may wait on the outbound queue. Notifications are real-time, so a short retention is the point."
  type        = number
  default     = 345600 # 4 days, the SQS default
}

variable "oldest_message_age_alarm_seconds" {
  description = "Alarm when the oldest outbound message has waited longer than this."
  type        = number
  default     = 300
}

variable "visible_messages_alarm_threshold" {
  description = "Alarm when more outbound messages than this wait to be received."
  type        = number
  default     = 1000
}

variable "alarm_sns_topic_arn" {
  description = "SNS topic notified when an alarm fires or clears. Empty: alarms still exist, with no actions."
  type        = string
  default     = ""
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}
