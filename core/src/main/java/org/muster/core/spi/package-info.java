/** Service-provider interfaces for inference methods, found by {@link java.util.ServiceLoader}. */
package org.muster.core.spi;
