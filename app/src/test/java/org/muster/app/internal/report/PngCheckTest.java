package org.muster.app.internal.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngCheckTest {

    @TempDir
    Path dir;

    private Path png(boolean drawn) throws Exception {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        if (drawn) {
            for (int i = 0; i < 40; i++) {
                g.setColor(new Color(i * 6, 255 - i * 6, (i * 37) % 256));
                g.fillRect(i * 10, 0, 10, 20);
            }
            g.setColor(Charts.chainColor(0));
            g.fillRect(0, 100, 200, 10);
            g.setColor(Charts.chainColor(1));
            g.fillRect(0, 150, 200, 10);
        }
        g.dispose();
        Path file = dir.resolve(drawn ? "drawn.png" : "blank.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void aBlankPageFails() throws Exception {
        assertFalse(PngCheck.of(png(false)).problems().isEmpty());
    }

    @Test
    void aPageWithColoursAndBothChainColoursPasses() throws Exception {
        PngCheck check = PngCheck.of(png(true));
        assertTrue(check.problems().isEmpty(), check.toString());
    }
}
