/**
 * herald bench: a client of the running stack that uses only what producers and browsers use (the producer
 * library, tokens, the codec and WebSockets).
 */
package adapters.bench;
