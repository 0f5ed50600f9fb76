/**
 * JMH benchmarks of compiled log densities and their gradients on standard hierarchical models
 * (eight schools, Minnesota radon), and the models themselves, built with the public graph API.
 * Build with {@code mvn -pl bench package}; run {@code java -jar bench/target/benchmarks.jar}.
 */
package org.muster.bench;
