/** The seeded simulation of the domain on in-memory adapters with injected faults, and its Dagger component. */
package adapters.simulation;
