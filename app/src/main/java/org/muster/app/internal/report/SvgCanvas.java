package org.muster.app.internal.report;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;
import java.util.Map;

/**
 * A {@link Graphics2D} that writes what is drawn on it as the markup of an inline SVG element, for the
 * report's charts: XChart paints on it as on any canvas. It draws what XChart draws, in the form the
 * report used to get from VectorGraphics2D's SVG export after {@link SvgInliner}'s clean-up (shapes as
 * paths, rectangles, ellipses; text as glyph outlines laid out with the same font render context; a
 * {@code <g transform>} around what is drawn under a transform; clip paths; each run of adjoining line
 * segments of one style as one path; coordinates to hundredths of a pixel), written directly: no
 * document object model, no XML serializer, no regular expressions over the text, which in a fresh JVM
 * cost more than the charts themselves.
 *
 * <p>Supports what charts use: shapes filled and stroked with colours (with alpha), basic strokes,
 * transforms, clips, fonts and rendering hints. Images and XOR painting are refused. Not thread-safe.
 */
final class SvgCanvas extends Graphics2D {

    /** The markup shared by a canvas and the canvases {@link #create()} makes from it. */
    private static final class Document {
        final String idPrefix;
        final StringBuilder defs = new StringBuilder();
        final StringBuilder body = new StringBuilder(1 << 15);
        int clips;
        /** The clip of the open {@code <g clip-path>} group, or null when none is open. */
        String openClip;
        // A run of line segments of one style, transform and clip, written as one path when it ends.
        final StringBuilder run = new StringBuilder();
        String runStyle;
        String runTransform;
        String runClip;
        String runX;
        String runY;

        Document(String idPrefix) {
            this.idPrefix = idPrefix;
        }
    }

    /** As VectorGraphics2D lays text out: no anti-aliasing, fractional metrics, so glyphs sit where they did. */
    private static final FontRenderContext FONT_RENDER_CONTEXT = new FontRenderContext(null, false, true);

    private final Document document;
    private Color color = Color.BLACK;
    private Paint paint = Color.BLACK;
    private Color background = Color.WHITE;
    private Stroke stroke = new BasicStroke();
    private Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private Composite composite = AlphaComposite.SrcOver;
    private AffineTransform transform = new AffineTransform();
    private final RenderingHints hints = new RenderingHints(null);
    /** The clip in device space, or null for none. */
    private Shape clip;
    /** The id of the clip path of {@link #clip}, or null. */
    private String clipId;

    /** @param idPrefix prefix of the element ids, unique within the page (letters, digits, hyphens) */
    SvgCanvas(String idPrefix) {
        this.document = new Document(idPrefix);
    }

    private SvgCanvas(SvgCanvas parent) {
        this.document = parent.document;
        this.color = parent.color;
        this.paint = parent.paint;
        this.background = parent.background;
        this.stroke = parent.stroke;
        this.font = parent.font;
        this.composite = parent.composite;
        this.transform = new AffineTransform(parent.transform);
        this.hints.putAll(parent.hints);
        this.clip = parent.clip;
        this.clipId = parent.clipId;
    }

    /**
     * The picture as one {@code <svg>} element that scales to its container's width.
     *
     * @param label the accessible name of the picture
     */
    String toSvg(int width, int height, String label) {
        endRun();
        closeClipGroup();
        StringBuilder svg = new StringBuilder(document.body.length() + document.defs.length() + 300);
        svg.append("<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"")
                .append(ReportHtml.escape(label)).append("\">\n");
        if (!document.defs.isEmpty()) {
            svg.append("  <defs>\n").append(document.defs).append("  </defs>\n");
        }
        svg.append(document.body).append("</svg>");
        return svg.toString();
    }

    // ---- drawing ----

    @Override
    public void draw(Shape shape) {
        if (shape instanceof Line2D line) {
            line(line.getX1(), line.getY1(), line.getX2(), line.getY2());
            return;
        }
        element(shape, strokeStyle());
    }

    @Override
    public void fill(Shape shape) {
        element(shape, fillStyle());
    }

    /** A line segment: continues the open run when it has the same style, transform and clip. */
    private void line(double x1, double y1, double x2, double y2) {
        Document d = document;
        String style = strokeStyle();
        String transformText = transformText();
        String startX = SvgInliner.round(x1);
        String startY = SvgInliner.round(y1);
        boolean continues = d.runStyle != null && d.runStyle.equals(style) && d.runTransform.equals(transformText)
                && java.util.Objects.equals(d.runClip, clipId);
        if (!continues) {
            endRun();
            d.runStyle = style;
            d.runTransform = transformText;
            d.runClip = clipId;
        }
        if (!startX.equals(d.runX) || !startY.equals(d.runY)) {
            d.run.append(d.run.length() == 0 ? "M" : " M").append(startX).append(',').append(startY);
        }
        d.runX = SvgInliner.round(x2);
        d.runY = SvgInliner.round(y2);
        d.run.append(" L").append(d.runX).append(',').append(d.runY);
    }

    /** Writes the open run of line segments as one path (round joins where the segments had their caps). */
    private void endRun() {
        Document d = document;
        if (d.runStyle == null) {
            return;
        }
        String style = d.runStyle.contains("stroke-linejoin") ? d.runStyle : d.runStyle + "stroke-linejoin:round;";
        write(d.runClip, d.runTransform, "<path style=\"" + style + "\" d=\"" + d.run + "\"/>");
        d.run.setLength(0);
        d.runStyle = null;
        d.runX = null;
        d.runY = null;
    }

    private void element(Shape shape, String style) {
        endRun();
        write(clipId, transformText(), shapeElement(shape, " style=\"" + style + "\""));
    }

    /** Appends an element inside the clip's group and, under a transform, a group of its own. */
    private void write(String clipOfElement, String transformText, String element) {
        Document d = document;
        if (!java.util.Objects.equals(d.openClip, clipOfElement)) {
            closeClipGroup();
            if (clipOfElement != null) {
                d.body.append("  <g clip-path=\"url(#").append(clipOfElement).append(")\">\n");
                d.openClip = clipOfElement;
            }
        }
        String indent = d.openClip == null ? "  " : "    ";
        if (transformText.isEmpty()) {
            d.body.append(indent).append(element).append('\n');
        } else {
            d.body.append(indent).append("<g transform=\"").append(transformText).append("\">\n").append(indent)
                    .append("  ").append(element).append('\n').append(indent).append("</g>\n");
        }
    }

    private void closeClipGroup() {
        if (document.openClip != null) {
            document.body.append("  </g>\n");
            document.openClip = null;
        }
    }

    /** The element drawing a shape in user space: a rect, an ellipse, or a path. */
    private static String shapeElement(Shape shape, String styleAttribute) {
        if (shape instanceof Rectangle2D r) {
            return "<rect height=\"" + SvgInliner.round(r.getHeight()) + "\"" + styleAttribute + " width=\""
                    + SvgInliner.round(r.getWidth()) + "\" x=\"" + SvgInliner.round(r.getX()) + "\" y=\""
                    + SvgInliner.round(r.getY()) + "\"/>";
        }
        if (shape instanceof Ellipse2D e) {
            return "<ellipse cx=\"" + SvgInliner.round(e.getCenterX()) + "\" cy=\"" + SvgInliner.round(e.getCenterY())
                    + "\" rx=\"" + SvgInliner.round(e.getWidth() / 2) + "\" ry=\"" + SvgInliner.round(e.getHeight() / 2)
                    + "\"" + styleAttribute + "/>";
        }
        return "<path d=\"" + pathData(shape) + "\"" + styleAttribute + "/>";
    }

    /** SVG path data of a shape's outline in its own coordinates. */
    static String pathData(Shape shape) {
        StringBuilder d = new StringBuilder(64);
        double[] c = new double[6];
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            if (d.length() > 0) {
                d.append(' ');
            }
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> d.append('M').append(point(c, 0));
                case PathIterator.SEG_LINETO -> d.append('L').append(point(c, 0));
                case PathIterator.SEG_QUADTO -> d.append('Q').append(point(c, 0)).append(' ').append(point(c, 2));
                case PathIterator.SEG_CUBICTO -> d.append('C').append(point(c, 0)).append(' ').append(point(c, 2))
                        .append(' ').append(point(c, 4));
                default -> d.append('Z');
            }
        }
        return d.toString();
    }

    private static String point(double[] c, int k) {
        return SvgInliner.round(c[k]) + "," + SvgInliner.round(c[k + 1]);
    }

    private String transformText() {
        AffineTransform t = transform;
        if (t.isIdentity()) {
            return "";
        }
        if (t.getType() == AffineTransform.TYPE_TRANSLATION) {
            return "translate(" + SvgInliner.round(t.getTranslateX()) + " " + SvgInliner.round(t.getTranslateY()) + ")";
        }
        return "matrix(" + number(t.getScaleX()) + " " + number(t.getShearY()) + " " + number(t.getShearX()) + " "
                + number(t.getScaleY()) + " " + SvgInliner.round(t.getTranslateX()) + " "
                + SvgInliner.round(t.getTranslateY()) + ")";
    }

    /** A matrix coefficient: more digits than a coordinate, since it multiplies them. */
    private static String number(double value) {
        String text = Double.toString(Math.round(value * 1e6) / 1e6);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    private double opacity() {
        double alpha = color.getAlpha() / 255.0;
        if (composite instanceof AlphaComposite a && a.getRule() == AlphaComposite.SRC_OVER) {
            alpha *= a.getAlpha();
        }
        return alpha;
    }

    private String rgb() {
        return "rgb(" + color.getRed() + "," + color.getGreen() + "," + color.getBlue() + ")";
    }

    private String fillStyle() {
        double alpha = opacity();
        return "fill:" + rgb() + ";" + (alpha < 1 ? "fill-opacity:" + SvgInliner.round(alpha) + ";" : "") + "stroke:none;";
    }

    private String strokeStyle() {
        double alpha = opacity();
        StringBuilder style = new StringBuilder(120).append("fill:none;stroke:").append(rgb()).append(';');
        if (alpha < 1) {
            style.append("stroke-opacity:").append(SvgInliner.round(alpha)).append(';');
        }
        if (stroke instanceof BasicStroke s) {
            if (s.getLineWidth() != 1) {
                style.append("stroke-width:").append(SvgInliner.round(s.getLineWidth())).append(';');
            }
            style.append("stroke-miterlimit:").append(SvgInliner.round(s.getMiterLimit())).append(';');
            switch (s.getEndCap()) {
                case BasicStroke.CAP_ROUND -> style.append("stroke-linecap:round;");
                case BasicStroke.CAP_SQUARE -> style.append("stroke-linecap:square;");
                default -> {
                }
            }
            switch (s.getLineJoin()) {
                case BasicStroke.JOIN_ROUND -> style.append("stroke-linejoin:round;");
                case BasicStroke.JOIN_BEVEL -> style.append("stroke-linejoin:bevel;");
                default -> {
                }
            }
            float[] dash = s.getDashArray();
            if (dash != null && dash.length > 0) {
                style.append("stroke-dasharray:");
                for (int i = 0; i < dash.length; i++) {
                    style.append(i == 0 ? "" : ",").append(SvgInliner.round(dash[i]));
                }
                style.append(';');
                if (s.getDashPhase() != 0) {
                    style.append("stroke-dashoffset:").append(SvgInliner.round(s.getDashPhase())).append(';');
                }
            }
        }
        return style.toString();
    }

    @Override
    public void drawGlyphVector(GlyphVector glyphs, float x, float y) {
        fill(glyphs.getOutline(x, y));
    }

    @Override
    public void drawString(String text, int x, int y) {
        drawString(text, (float) x, (float) y);
    }

    @Override
    public void drawString(String text, float x, float y) {
        if (!text.isEmpty()) {
            fill(new TextLayout(text, font, FONT_RENDER_CONTEXT).getOutline(AffineTransform.getTranslateInstance(x, y)));
        }
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, int x, int y) {
        drawString(iterator, (float) x, (float) y);
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, float x, float y) {
        fill(new TextLayout(iterator, FONT_RENDER_CONTEXT).getOutline(AffineTransform.getTranslateInstance(x, y)));
    }

    @Override
    public void drawLine(int x1, int y1, int x2, int y2) {
        line(x1, y1, x2, y2);
    }

    @Override
    public void fillRect(int x, int y, int width, int height) {
        fill(new Rectangle(x, y, width, height));
    }

    @Override
    public void clearRect(int x, int y, int width, int height) {
        Color saved = color;
        color = background;
        fill(new Rectangle(x, y, width, height));
        color = saved;
    }

    @Override
    public void drawRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        draw(new RoundRectangle2D.Double(x, y, width, height, arcWidth, arcHeight));
    }

    @Override
    public void fillRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        fill(new RoundRectangle2D.Double(x, y, width, height, arcWidth, arcHeight));
    }

    @Override
    public void drawOval(int x, int y, int width, int height) {
        draw(new Ellipse2D.Double(x, y, width, height));
    }

    @Override
    public void fillOval(int x, int y, int width, int height) {
        fill(new Ellipse2D.Double(x, y, width, height));
    }

    @Override
    public void drawArc(int x, int y, int width, int height, int start, int extent) {
        draw(new Arc2D.Double(x, y, width, height, start, extent, Arc2D.OPEN));
    }

    @Override
    public void fillArc(int x, int y, int width, int height, int start, int extent) {
        fill(new Arc2D.Double(x, y, width, height, start, extent, Arc2D.PIE));
    }

    @Override
    public void drawPolyline(int[] x, int[] y, int points) {
        for (int i = 1; i < points; i++) {
            line(x[i - 1], y[i - 1], x[i], y[i]);
        }
    }

    @Override
    public void drawPolygon(int[] x, int[] y, int points) {
        draw(new Polygon(x, y, points));
    }

    @Override
    public void fillPolygon(int[] x, int[] y, int points) {
        fill(new Polygon(x, y, points));
    }

    @Override
    public boolean hit(Rectangle rectangle, Shape shape, boolean onStroke) {
        Shape outline = onStroke ? stroke.createStrokedShape(shape) : shape;
        return transform.createTransformedShape(outline).intersects(rectangle);
    }

    // ---- images and other raster operations: not in a chart ----

    private static UnsupportedOperationException noImages() {
        return new UnsupportedOperationException("the report's SVG canvas draws shapes and text, not images");
    }

    @Override
    public boolean drawImage(Image image, AffineTransform at, ImageObserver observer) {
        throw noImages();
    }

    @Override
    public void drawImage(BufferedImage image, BufferedImageOp op, int x, int y) {
        throw noImages();
    }

    @Override
    public void drawRenderedImage(RenderedImage image, AffineTransform at) {
        throw noImages();
    }

    @Override
    public void drawRenderableImage(RenderableImage image, AffineTransform at) {
        throw noImages();
    }

    @Override
    public boolean drawImage(Image image, int x, int y, ImageObserver observer) {
        throw noImages();
    }

    @Override
    public boolean drawImage(Image image, int x, int y, int width, int height, ImageObserver observer) {
        throw noImages();
    }

    @Override
    public boolean drawImage(Image image, int x, int y, Color bgcolor, ImageObserver observer) {
        throw noImages();
    }

    @Override
    public boolean drawImage(Image image, int x, int y, int width, int height, Color bgcolor, ImageObserver observer) {
        throw noImages();
    }

    @Override
    public boolean drawImage(Image image, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2,
            ImageObserver observer) {
        throw noImages();
    }

    @Override
    public boolean drawImage(Image image, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2,
            Color bgcolor, ImageObserver observer) {
        throw noImages();
    }

    @Override
    public void copyArea(int x, int y, int width, int height, int dx, int dy) {
        throw noImages();
    }

    @Override
    public void setXORMode(Color other) {
        throw new UnsupportedOperationException("the report's SVG canvas has no XOR mode");
    }

    @Override
    public void setPaintMode() {
        // Painting is the only mode.
    }

    // ---- state ----

    @Override
    public Graphics create() {
        endRun();
        return new SvgCanvas(this);
    }

    @Override
    public void dispose() {
        endRun();
    }

    @Override
    public Color getColor() {
        return color;
    }

    @Override
    public void setColor(Color value) {
        if (value != null) {
            color = value;
            paint = value;
        }
    }

    @Override
    public Paint getPaint() {
        return paint;
    }

    @Override
    public void setPaint(Paint value) {
        if (value == null) {
            return;
        }
        paint = value;
        // A gradient is drawn in its first colour (charts in the report have none).
        color = value instanceof Color c ? c : value instanceof GradientPaint g ? g.getColor1() : Color.BLACK;
    }

    @Override
    public Color getBackground() {
        return background;
    }

    @Override
    public void setBackground(Color value) {
        background = value;
    }

    @Override
    public Composite getComposite() {
        return composite;
    }

    @Override
    public void setComposite(Composite value) {
        composite = value;
    }

    @Override
    public Stroke getStroke() {
        return stroke;
    }

    @Override
    public void setStroke(Stroke value) {
        stroke = value;
    }

    @Override
    public Font getFont() {
        return font;
    }

    @Override
    public void setFont(Font value) {
        if (value != null) {
            font = value;
        }
    }

    @Override
    public FontMetrics getFontMetrics(Font value) {
        // Metrics with the same render context as the layout (no raster is drawn on).
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scratch.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            return g.getFontMetrics(value);
        } finally {
            g.dispose();
        }
    }

    @Override
    public FontRenderContext getFontRenderContext() {
        return FONT_RENDER_CONTEXT;
    }

    @Override
    public GraphicsConfiguration getDeviceConfiguration() {
        return null;
    }

    @Override
    public void setRenderingHint(RenderingHints.Key key, Object value) {
        hints.put(key, value);
    }

    @Override
    public Object getRenderingHint(RenderingHints.Key key) {
        return hints.get(key);
    }

    @Override
    public void setRenderingHints(Map<?, ?> values) {
        hints.clear();
        hints.putAll(values);
    }

    @Override
    public void addRenderingHints(Map<?, ?> values) {
        hints.putAll(values);
    }

    @Override
    public RenderingHints getRenderingHints() {
        return (RenderingHints) hints.clone();
    }

    // ---- transform ----

    @Override
    public AffineTransform getTransform() {
        return new AffineTransform(transform);
    }

    @Override
    public void setTransform(AffineTransform value) {
        transform = new AffineTransform(value);
    }

    @Override
    public void transform(AffineTransform value) {
        transform.concatenate(value);
    }

    @Override
    public void translate(int x, int y) {
        transform.translate(x, y);
    }

    @Override
    public void translate(double x, double y) {
        transform.translate(x, y);
    }

    @Override
    public void rotate(double theta) {
        transform.rotate(theta);
    }

    @Override
    public void rotate(double theta, double x, double y) {
        transform.rotate(theta, x, y);
    }

    @Override
    public void scale(double x, double y) {
        transform.scale(x, y);
    }

    @Override
    public void shear(double x, double y) {
        transform.shear(x, y);
    }

    // ---- clip: kept in device space, written as a clip path per change ----

    @Override
    public Shape getClip() {
        if (clip == null) {
            return null;
        }
        try {
            return transform.createInverse().createTransformedShape(clip);
        } catch (NoninvertibleTransformException e) {
            return null;
        }
    }

    @Override
    public Rectangle getClipBounds() {
        Shape user = getClip();
        return user == null ? null : user.getBounds();
    }

    @Override
    public void setClip(Shape shape) {
        setDeviceClip(shape == null ? null : transform.createTransformedShape(shape));
    }

    @Override
    public void setClip(int x, int y, int width, int height) {
        setClip(new Rectangle(x, y, width, height));
    }

    @Override
    public void clip(Shape shape) {
        if (shape == null) {
            setDeviceClip(null);
            return;
        }
        Shape device = transform.createTransformedShape(shape);
        if (clip == null) {
            setDeviceClip(device);
        } else {
            Area area = new Area(clip);
            area.intersect(new Area(device));
            setDeviceClip(area);
        }
    }

    @Override
    public void clipRect(int x, int y, int width, int height) {
        clip(new Rectangle(x, y, width, height));
    }

    private void setDeviceClip(Shape device) {
        endRun();
        clip = device;
        if (device == null) {
            clipId = null;
            return;
        }
        Document d = document;
        clipId = d.idPrefix + "-clip" + (++d.clips);
        Shape bounds = device instanceof Area area && area.isRectangular() ? area.getBounds2D() : device;
        d.defs.append("    <clipPath id=\"").append(clipId).append("\">\n      ").append(shapeElement(bounds, ""))
                .append("\n    </clipPath>\n");
    }
}
