/**
 * Herald on one machine: the emulator, the queues and the handlers assembled from the deploy files (a
 * composition root), and the test page's development endpoints.
 */
package adapters.localstack;
