/** The command line: herald local, simulate, token, send and bench. */
package adapters.cli;
