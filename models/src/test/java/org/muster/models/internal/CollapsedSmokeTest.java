package org.muster.models.internal;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muster.core.api.Draws;
import org.muster.core.api.Model;
import org.muster.core.api.PosteriorDraws;
import org.muster.core.spi.FitListener;
import org.muster.core.spi.MethodOptions;
import org.muster.core.spi.RunConfig;
import org.muster.diagnostics.api.Convergence;
import org.muster.models.api.DatasetReader;
import org.muster.models.internal.glmm.GlmmFamily;
import org.muster.models.spi.FamilyOptions;

class CollapsedSmokeTest {
    @Test
    void smoke() {
        List<Model> models = List.of(
                new EightSchoolsFamily().build(DatasetReader.builtIn("eight-schools"), FamilyOptions.none()),
                new BetaBinomialFamily().build(DatasetReader.builtIn("rats"), FamilyOptions.none()),
                new GammaPoissonFamily().build(DatasetReader.builtIn("gamma-poisson-sources"), FamilyOptions.none()),
                new GlmmFamily().build(DatasetReader.builtIn("radon"), FamilyOptions.none()));
        for (Model model : models) {
            System.out.println(Fits.method("collapsed").explain(model, MethodOptions.empty()));
            for (String method : List.of("collapsed", "nuts")) {
                long t = System.nanoTime();
                PosteriorDraws fit = (PosteriorDraws) Fits.method(method).create(MethodOptions.empty()).fit(model,
                        RunConfig.builder().chains(2).warmup(1000).draws(1000).seed(3).build(), FitListener.NONE);
                double seconds = (System.nanoTime() - t) * 1e-9;
                Draws d = fit.draws();
                StringBuilder s = new StringBuilder(method + String.format(" %.1fs ", seconds));
                for (int v = 0; v < Math.min(8, d.variables().size()); v++) {
                    double[][] x = d.variable(v);
                    s.append(String.format("%s=%.3f(ess %.0f) ", d.variables().get(v), Fits.mean(d, d.variables().get(v)),
                            Convergence.essBulk(x)));
                }
                Draws st = fit.samplerStatistics();
                s.append(String.format(" leapfrog %.1f stepsize %.3f accept %.3f", Fits.mean(st, "n_leapfrog__"), Fits.mean(st, "stepsize__"), Fits.mean(st, "accept_stat__")));
                System.out.println(s);
                fit.conditionalMeans().ifPresent(m -> System.out.println("  rb: " + m.variables().subList(0, Math.min(4, m.variables().size())) + " " + Fits.mean(m, m.variables().get(0))));
            }
        }
    }
}
