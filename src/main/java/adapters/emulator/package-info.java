/**
 * API Gateway's WebSocket API and Lambda's SQS event source on one machine, driven by a SAM template and
 * Terraform; it depends on no other Herald package.
 */
package adapters.emulator;
