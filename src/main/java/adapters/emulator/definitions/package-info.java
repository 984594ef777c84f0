/** Readers of the deploy files: the SAM template's API, routes, functions and table, and the Terraform queues. */
package adapters.emulator.definitions;
