/** Loading model files: {@link org.muster.lang.api.ModelFiles}. */
package org.muster.lang.api;
