package org.stackscope.ui.views;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/** Driving the running workbench from tests, which run in its UI thread. */
final class Workbench {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Workbench() {
    }

    static IWorkbenchWindow window() {
        return PlatformUI.getWorkbench().getWorkbenchWindows()[0];
    }

    static IWorkbenchPage page() {
        return window().getActivePage();
    }

    static <V extends IViewPart> V showView(String id, Class<V> type) throws PartInitException {
        return type.cast(page().showView(id));
    }

    /** Runs the event loop (job results arrive through it) until the condition holds. */
    static void waitUntil(String what, BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + TIMEOUT.toSeconds() + " s for " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> {
                });
                display.sleep();
            }
        }
    }

    /** Lets pending layout and paint events through. */
    static void settle() {
        Display display = Display.getCurrent();
        long until = System.nanoTime() + Duration.ofMillis(500).toNanos();
        while (System.nanoTime() < until) {
            while (display.readAndDispatch()) {
                // drain
            }
            display.timerExec(20, () -> {
            });
            display.sleep();
        }
    }

    /** Copies what the shell shows into {@code target/screenshots/<name>.png} and returns that file. */
    static Path screenshot(Shell shell, String name) throws IOException {
        shell.forceActive();
        shell.update();
        settle();
        Rectangle area = shell.getClientArea();
        Image image = new Image(shell.getDisplay(), area.width, area.height);
        GC gc = new GC(shell);
        try {
            gc.copyArea(image, 0, 0);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            Path dir = Files.createDirectories(Path.of("target", "screenshots").toAbsolutePath());
            Path file = dir.resolve(name + ".png");
            loader.save(file.toString(), SWT.IMAGE_PNG);
            return file;
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** True when some pixel has the colour, give or take anti-aliasing. */
    static boolean showsColour(ImageData image, Color colour) {
        for (int y = 0; y < image.height; y++) {
            for (int x = 0; x < image.width; x++) {
                RGB rgb = image.palette.getRGB(image.getPixel(x, y));
                if (Math.abs(rgb.red - colour.getRed()) + Math.abs(rgb.green - colour.getGreen())
                        + Math.abs(rgb.blue - colour.getBlue()) < 24) {
                    return true;
                }
            }
        }
        return false;
    }

    static int distinctColours(ImageData image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.height; y++) {
            for (int x = 0; x < image.width; x++) {
                colours.add(image.getPixel(x, y));
            }
        }
        return colours.size();
    }
}
