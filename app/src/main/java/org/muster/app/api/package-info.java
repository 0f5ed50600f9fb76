/**
 * Muster for Java applications: {@link org.muster.app.api.Muster#fit(org.muster.core.api.Model)} runs any
 * inference method on a model and returns draws and their summary, without the command line or Guice.
 */
package org.muster.app.api;
