/**
 * How the deployed functions log: one JSON object per line on standard output, with Powertools' field names, through
 * SLF4J and nothing heavier (docs/cold-start.md says why). {@link adapters.lambda.log.InvocationLog} sets each
 * invocation's fields; the local stack logs the same fields through Log4j instead.
 */
package adapters.lambda.log;
