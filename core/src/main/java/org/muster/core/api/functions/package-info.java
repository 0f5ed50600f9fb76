/** Functions of nodes beyond the built-in operations: the {@link org.muster.core.api.functions.NodeFunction} interface and a catalogue of them ({@link org.muster.core.api.functions.Functions}). */
package org.muster.core.api.functions;
