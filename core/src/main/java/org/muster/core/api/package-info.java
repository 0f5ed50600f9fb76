/** The model graph API: build a DAG of nodes, compile it to a log density with gradient, hold draws. */
package org.muster.core.api;
