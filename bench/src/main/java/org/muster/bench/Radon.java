package org.muster.bench;

import static org.muster.core.api.Distributions.halfNormal;
import static org.muster.core.api.Distributions.normal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.muster.core.api.Model;
import org.muster.core.api.ModelBuilder;
import org.muster.core.api.Node;

/**
 * The Minnesota radon measurements (Gelman &amp; Hill 2007, ch. 12–13) and the varying-intercept,
 * varying-slope model on them, non-centered: mu_alpha, mu_beta ~ N(0, 10); sigma_alpha, sigma_beta,
 * sigma_y ~ N⁺(0, 1); z_alpha, z_beta ~ N(0, 1) per county; alpha = mu_alpha + sigma_alpha · z_alpha,
 * beta = mu_beta + sigma_beta · z_beta; log_radon_i ~ N(alpha[county_i] + beta[county_i] · floor_i, sigma_y).
 *
 * @param county 0-based county of each house
 * @param floor 0 for a basement measurement, 1 for the first floor
 * @param logRadon log radon level of each house
 * @param counties number of counties
 */
public record Radon(int[] county, double[] floor, double[] logRadon, int counties) {

    /** Classpath resource holding the data: columns county (1-based), floor, log_uppm, log_radon. */
    static final String RESOURCE = "radon_mn.csv";

    public Radon {
        county = county.clone();
        floor = floor.clone();
        logRadon = logRadon.clone();
        if (county.length != floor.length || county.length != logRadon.length) {
            throw new IllegalArgumentException("columns differ in length: county " + county.length + ", floor "
                    + floor.length + ", log_radon " + logRadon.length);
        }
    }

    @Override
    public int[] county() {
        return county.clone();
    }

    @Override
    public double[] floor() {
        return floor.clone();
    }

    @Override
    public double[] logRadon() {
        return logRadon.clone();
    }

    /** Number of houses (observations). */
    public int size() {
        return county.length;
    }

    /** Reads the 919 houses in 85 counties shipped with the benchmarks. */
    public static Radon load() {
        try (InputStream in = Radon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " not found next to " + Radon.class.getName());
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Radon read(BufferedReader reader) throws IOException {
        String header = reader.readLine();
        List<String> columns = header == null ? List.of() : Arrays.asList(header.strip().split(","));
        int countyColumn = requireColumn(columns, "county");
        int floorColumn = requireColumn(columns, "floor");
        int logRadonColumn = requireColumn(columns, "log_radon");
        List<String[]> rows = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!line.isBlank()) {
                rows.add(line.strip().split(","));
            }
        }
        int n = rows.size();
        int[] county = new int[n];
        double[] floor = new double[n];
        double[] logRadon = new double[n];
        int counties = 0;
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(i);
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(RESOURCE + " row " + (i + 1) + " has " + row.length
                        + " fields but the header has " + columns.size());
            }
            int label = Integer.parseInt(row[countyColumn]);
            if (label < 1) {
                throw new IllegalArgumentException(RESOURCE + " row " + (i + 1) + ": county " + label
                        + " is not a label 1, 2, ...");
            }
            county[i] = label - 1;
            counties = Math.max(counties, label);
            floor[i] = Double.parseDouble(row[floorColumn]);
            logRadon[i] = Double.parseDouble(row[logRadonColumn]);
        }
        return new Radon(county, floor, logRadon, counties);
    }

    private static int requireColumn(List<String> columns, String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(RESOURCE + " has no column '" + name + "'; it has " + columns);
        }
        return index;
    }

    /** The varying-intercept, varying-slope model (5 + 2 × counties unconstrained coordinates). */
    public Model model() {
        ModelBuilder b = Model.builder();
        Node floorData = b.data("floor", floor);
        Node muAlpha = b.stochastic("mu_alpha", normal(0, 10));
        Node muBeta = b.stochastic("mu_beta", normal(0, 10));
        Node sigmaAlpha = b.stochastic("sigma_alpha", halfNormal(1));
        Node sigmaBeta = b.stochastic("sigma_beta", halfNormal(1));
        Node sigmaY = b.stochastic("sigma_y", halfNormal(1));
        Node zAlpha = b.stochastic("z_alpha", counties, normal(0, 1));
        Node zBeta = b.stochastic("z_beta", counties, normal(0, 1));
        Node alpha = b.deterministic("alpha", muAlpha.plus(sigmaAlpha.times(zAlpha)));
        Node beta = b.deterministic("beta", muBeta.plus(sigmaBeta.times(zBeta)));
        Node mean = alpha.at(county).plus(beta.at(county).times(floorData));
        b.observed("log_radon", normal(mean, sigmaY), logRadon);
        return b.build();
    }
}
