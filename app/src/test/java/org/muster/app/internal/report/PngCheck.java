package org.muster.app.internal.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Whether a screenshot of a report shows something: enough ink, several colours, and lines in the colours
 * of the first two chains (so the plots are drawn, not only the text). JDK only, so {@code
 * bench/render-report.sh} runs it as a source file: {@code java PngCheck.java shot.png}.
 *
 * @param width image width
 * @param height image height
 * @param inkShare share of pixels that are not near-white
 * @param colors distinct colours at 4 bits per channel
 * @param firstChainPixels pixels near chain 1's colour (Okabe–Ito blue, #0072B2)
 * @param secondChainPixels pixels near chain 2's colour (Okabe–Ito vermillion, #D55E00)
 */
public record PngCheck(int width, int height, double inkShare, int colors, int firstChainPixels,
        int secondChainPixels) {

    /** At least this share of the page is ink. */
    static final double MIN_INK_SHARE = 0.03;
    /** At least this many distinct colours (text alone is grey-scale). */
    static final int MIN_COLORS = 24;
    /** At least this many pixels in each of the first two chains' colours. */
    static final int MIN_CHAIN_PIXELS = 500;

    /** Measures a PNG file. */
    public static PngCheck of(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new IOException(png + ": not an image ImageIO can read");
        }
        long ink = 0;
        int first = 0;
        int second = 0;
        Set<Integer> colors = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (r < 235 || g < 235 || b < 235) {
                    ink++;
                }
                colors.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
                first += near(r, g, b, 0x00, 0x72, 0xB2) ? 1 : 0;
                second += near(r, g, b, 0xD5, 0x5E, 0x00) ? 1 : 0;
            }
        }
        return new PngCheck(image.getWidth(), image.getHeight(), (double) ink / ((long) image.getWidth()
                * image.getHeight()), colors.size(), first, second);
    }

    private static boolean near(int r, int g, int b, int r0, int g0, int b0) {
        return Math.abs(r - r0) <= 40 && Math.abs(g - g0) <= 40 && Math.abs(b - b0) <= 40;
    }

    /** What is wrong with the picture, or an empty string if nothing is. */
    public String problems() {
        StringBuilder problems = new StringBuilder();
        if (inkShare < MIN_INK_SHARE) {
            problems.append(String.format(java.util.Locale.ROOT, "only %.1f%% of the page is not white; ",
                    100 * inkShare));
        }
        if (colors < MIN_COLORS) {
            problems.append("only ").append(colors).append(" distinct colours; ");
        }
        if (firstChainPixels < MIN_CHAIN_PIXELS || secondChainPixels < MIN_CHAIN_PIXELS) {
            problems.append("chain colours barely present (").append(firstChainPixels).append(" and ")
                    .append(secondChainPixels).append(" pixels); ");
        }
        return problems.toString();
    }

    /** Checks the PNG files named: prints the measures, exits 1 if a picture looks blank. */
    public static void main(String[] arguments) throws IOException {
        int status = 0;
        for (String argument : arguments) {
            PngCheck check = of(Path.of(argument));
            String problems = check.problems();
            System.out.printf(java.util.Locale.ROOT, "%s: %dx%d, %.1f%% ink, %d colours, chain 1/2 pixels %d/%d: %s%n",
                    argument, check.width(), check.height(), 100 * check.inkShare(), check.colors(),
                    check.firstChainPixels(), check.secondChainPixels(), problems.isEmpty() ? "ok" : problems);
            status = problems.isEmpty() ? status : 1;
        }
        System.exit(status);
    }
}
