/** The emulated WebSocket API and its @connections management API, on Netty. */
package adapters.emulator.websocket;
