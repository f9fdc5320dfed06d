package org.stackscope.ui.volume;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Slider;
import org.stackscope.ui.preferences.DisplayUnits;
import org.stackscope.ui.preferences.StackscopePreferences;

/**
 * One orthogonal plane of the {@link VolumeView}: the slice image scaled to physical proportions (anisotropic voxels
 * drawn as they are), the linked cursor as a cross, a scale bar, and a slider through the slices. Clicking moves the
 * cursor; the wheel steps through slices, Ctrl+wheel zooms about the cursor.
 */
final class SliceCanvas extends Composite {

    private final Plane plane;
    private final VolumeView owner;
    private final Label caption;
    private final Canvas canvas;
    private final Slider slider;
    private Image image;
    private int imageIndex = -1;
    private long imageVersion = -1;

    SliceCanvas(Composite parent, Plane plane, VolumeView owner) {
        super(parent, SWT.NONE);
        this.plane = plane;
        this.owner = owner;
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 2;
        setLayout(layout);
        caption = new Label(this, SWT.NONE);
        caption.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        canvas = new Canvas(this, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        slider = new Slider(this, SWT.HORIZONTAL);
        slider.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        slider.addListener(SWT.Selection, e -> owner.moveCursor(plane.normal, slider.getSelection()));
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.MouseDown, e -> {
            if (e.button == 1) {
                click(e.x, e.y);
            }
        });
        canvas.addListener(SWT.MouseMove, e -> {
            if ((e.stateMask & SWT.BUTTON1) != 0) {
                click(e.x, e.y);
            }
        });
        canvas.addListener(SWT.MouseVerticalWheel, e -> {
            if ((e.stateMask & SWT.MOD1) != 0) {
                owner.zoom(e.count > 0 ? 1.25 : 0.8);
            } else {
                owner.moveCursor(plane.normal, owner.cursor()[plane.normal] + Integer.signum(e.count));
            }
            e.doit = false;
        });
        addDisposeListener(e -> disposeImage());
    }

    Plane plane() {
        return plane;
    }

    /** The slice shown now, as the renderer produced it (for tests and exports). */
    ImageData imageData() {
        return image == null ? null : image.getImageData();
    }

    String caption() {
        return caption.getText();
    }

    /** Updates caption, slider and (if the slice or display settings changed) the image. */
    void refresh() {
        VolumeView.Shown shown = owner.shown();
        if (shown == null) {
            caption.setText(plane + ": nothing to show");
            disposeImage();
            canvas.redraw();
            return;
        }
        long[] dims = shown.dimensions();
        int index = owner.cursor()[plane.normal];
        int max = (int) dims[plane.normal];
        slider.setValues(index, 0, max, 1, 1, Math.max(1, max / 10));
        caption.setText(plane + "  " + "XYZ".charAt(plane.normal) + " = " + (index + 1) + " / " + max + "   ("
                + VolumeView.length(index * shown.voxelSizeUm()[plane.normal]) + ")");
        if (image == null || imageIndex != index || imageVersion != owner.displayVersion()) {
            disposeImage();
            image = render(shown, index);
            imageIndex = index;
            imageVersion = owner.displayVersion();
        }
        canvas.redraw();
    }

    private Image render(VolumeView.Shown shown, int index) {
        int width = (int) shown.dimensions()[plane.horizontal];
        int height = (int) shown.dimensions()[plane.vertical];
        float[] grey = SliceRenderer.samples(shown.grey().image(), plane, index);
        float[] labels = shown.labels() != null && owner.overlayVisible()
                ? SliceRenderer.samples(shown.labels().volume().image(), plane, index)
                : null;
        int[] rgb = SliceRenderer.render(grey, owner.windowLow(), owner.windowHigh(), labels, shown.colours(),
                owner.overlayOpacity());
        ImageData data = new ImageData(width, height, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        for (int y = 0; y < height; y++) {
            data.setPixels(0, y, width, rgb, y * width);
        }
        return new Image(getDisplay(), data);
    }

    /** Where the slice is drawn in canvas pixels: centred, physical proportions, the view's zoom. */
    private Rectangle placement(VolumeView.Shown shown) {
        Rectangle area = canvas.getClientArea();
        double w = shown.dimensions()[plane.horizontal] * shown.voxelSizeUm()[plane.horizontal];
        double h = shown.dimensions()[plane.vertical] * shown.voxelSizeUm()[plane.vertical];
        double fit = Math.min((area.width - 8) / w, (area.height - 8) / h);
        double scale = Math.max(1e-6, fit * owner.zoomFactor());
        int dw = (int) Math.round(w * scale);
        int dh = (int) Math.round(h * scale);
        int[] cursor = owner.cursor();
        // zoomed in, keep the cursor in view: centre on it when the slice no longer fits
        double cx = (cursor[plane.horizontal] + 0.5) / shown.dimensions()[plane.horizontal];
        double cy = (cursor[plane.vertical] + 0.5) / shown.dimensions()[plane.vertical];
        int x = dw <= area.width ? (area.width - dw) / 2 : (int) Math.round(area.width / 2.0 - cx * dw);
        int y = dh <= area.height ? (area.height - dh) / 2 : (int) Math.round(area.height / 2.0 - cy * dh);
        return new Rectangle(x, y, dw, dh);
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(area);
        VolumeView.Shown shown = owner.shown();
        if (shown == null || image == null) {
            return;
        }
        Rectangle at = placement(shown);
        Rectangle source = image.getBounds();
        gc.setInterpolation(SWT.NONE);
        gc.drawImage(image, 0, 0, source.width, source.height, at.x, at.y, at.width, at.height);
        int[] cursor = owner.cursor();
        int px = at.x + (int) ((cursor[plane.horizontal] + 0.5) * at.width / source.width);
        int py = at.y + (int) ((cursor[plane.vertical] + 0.5) * at.height / source.height);
        Color cross = new Color(255, 200, 0);
        gc.setForeground(cross);
        gc.drawLine(at.x, py, at.x + at.width, py);
        gc.drawLine(px, at.y, px, at.y + at.height);
        paintScaleBar(gc, shown, at, area);
        cross.dispose();
    }

    private void paintScaleBar(GC gc, VolumeView.Shown shown, Rectangle at, Rectangle area) {
        double pixelsPerUm = at.width / (shown.dimensions()[plane.horizontal] * shown.voxelSizeUm()[plane.horizontal]);
        // a nice length in the unit shown (1, 2 or 5 × 10^k of it), converted back to µm for drawing
        DisplayUnits.Length unit = StackscopePreferences.lengthUnit();
        double perUm = unit.fromUm(1);
        double lengthUm = SliceRenderer.scaleBarLength(area.width / 5.0 / pixelsPerUm * perUm) / perUm;
        int barPixels = (int) Math.round(lengthUm * pixelsPerUm);
        if (barPixels < 4) {
            return;
        }
        String text = VolumeView.length(lengthUm);
        Point extent = gc.textExtent(text);
        int x = 10;
        int y = area.height - 12;
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.setLineWidth(3);
        gc.drawLine(x, y, x + barPixels, y);
        gc.setLineWidth(1);
        gc.drawText(text, x, y - extent.y - 3, true);
    }

    private void click(int x, int y) {
        VolumeView.Shown shown = owner.shown();
        if (shown == null || image == null) {
            return;
        }
        Rectangle at = placement(shown);
        long[] dims = shown.dimensions();
        int h = (int) Math.floor((x - at.x) * (double) dims[plane.horizontal] / at.width);
        int v = (int) Math.floor((y - at.y) * (double) dims[plane.vertical] / at.height);
        owner.moveCursor(plane.horizontal, h, plane.vertical, v);
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }
}
