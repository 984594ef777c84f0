/**
 * What is deployed to Lambda: the four handlers with the Dagger components and environment reader that build
 * them (a composition root), SnapStart priming and metrics.
 */
package adapters.lambda;
