/** The Dagger modules every composition root shares: the domain's use cases and real time. */
package adapters.wiring;
