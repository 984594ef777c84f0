/** The embedded SQS (ElasticMQ) and Lambda's SQS event source polling it. */
package adapters.emulator.queue;
