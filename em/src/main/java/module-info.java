/** Expectation–maximization, empirical Bayes and MAP: point-estimate inference methods (to come). */
module org.muster.em {
    requires org.muster.core;
}
