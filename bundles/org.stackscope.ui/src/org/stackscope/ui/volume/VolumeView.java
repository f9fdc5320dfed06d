package org.stackscope.ui.volume;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IProgressConstants;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;
import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Volume;
import org.stackscope.study.Dataset;
import org.stackscope.ui.preview.ImportedData;
import org.stackscope.ui.preview.JobMonitor;
import org.stackscope.ui.preferences.StackscopePreferences;

/**
 * Three orthogonal slices (XY, XZ, YZ) of the selected volume with a linked cursor, a grey window, zoom, a scale bar
 * in µm and a label overlay with per-phase colours and opacity. Selecting a label volume of the same size as the grey
 * volume shown overlays it; selecting one alone shows its labels. Importing runs as a Job and can be canceled.
 */
public final class VolumeView extends ViewPart {

    public static final String ID = "org.stackscope.ui.views.volume";

    /** What is on display: a grey volume, optionally labels of the same size, and their colour table. */
    record Shown(String name, Volume grey, LabelVolume labels, int[] colours) {
        long[] dimensions() {
            return grey.dimensions();
        }

        double[] voxelSizeUm() {
            return grey.voxelSizeUm();
        }
    }

    private final ISelectionListener selectionListener = (part, selection) -> selectedDataset(selection)
            .ifPresent(this::show);

    private Label heading;
    private Spinner low;
    private Spinner high;
    private Button overlay;
    private Scale opacity;
    private SliceCanvas[] planes;
    private Shown shown;
    private int[] cursor = new int[3];
    private double zoom = 1;
    private long displayVersion;
    private int digits;
    private Job job;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        heading = new Label(parent, SWT.NONE);
        heading.setText("Select a volume or label dataset in the Study Explorer.");
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        createControls(parent);
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        planes = Arrays.stream(Plane.values()).map(p -> new SliceCanvas(sash, p, this)).toArray(SliceCanvas[]::new);
        getSite().getWorkbenchWindow().getSelectionService().addPostSelectionListener(selectionListener);
        selectedDataset(getSite().getWorkbenchWindow().getSelectionService().getSelection()).ifPresent(this::show);
        refresh();
    }

    private void createControls(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(8, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(bar, SWT.NONE).setText("Window");
        low = new Spinner(bar, SWT.BORDER);
        high = new Spinner(bar, SWT.BORDER);
        low.setToolTipText("Grey value shown black");
        high.setToolTipText("Grey value shown white");
        low.addListener(SWT.Selection, e -> displayChanged());
        high.addListener(SWT.Selection, e -> displayChanged());
        Button auto = new Button(bar, SWT.PUSH);
        auto.setText("Auto");
        auto.setToolTipText("0.5 to 99.5 percentile of the three slices through the cursor");
        auto.addListener(SWT.Selection, e -> autoWindow());
        overlay = new Button(bar, SWT.CHECK);
        overlay.setText("Labels");
        overlay.setSelection(true);
        overlay.addListener(SWT.Selection, e -> displayChanged());
        new Label(bar, SWT.NONE).setText("Opacity");
        opacity = new Scale(bar, SWT.HORIZONTAL);
        opacity.setMinimum(0);
        opacity.setMaximum(100);
        opacity.setSelection(45);
        opacity.addListener(SWT.Selection, e -> displayChanged());
        Button reset = new Button(bar, SWT.PUSH);
        reset.setText("Fit");
        reset.setToolTipText("Fit the slices to the view (Ctrl+wheel zooms)");
        reset.addListener(SWT.Selection, e -> zoom(1 / zoom));
    }

    /** Imports the dataset as a Job; when done shows it (or overlays its labels on the grey volume shown). */
    public void show(Dataset dataset) {
        if (job != null) {
            job.cancel();
        }
        Job started = Job.create("Opening " + dataset.id(), progress -> {
            try {
                DataObject data = ImportedData.of(dataset, new JobMonitor(progress));
                return data instanceof Volume || data instanceof LabelVolume ? new DataStatus(data)
                        : Status.info("not a volume");
            } catch (CanceledException | OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            } catch (ImportException e) {
                return Status.error(e.getMessage(), e);
            }
        });
        started.setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
        job = started;
        Display display = heading.getDisplay();
        started.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (!display.isDisposed()) {
                    display.asyncExec(() -> finished(started, dataset, event.getResult()));
                }
            }
        });
        getSite().getService(IWorkbenchSiteProgressService.class).schedule(started);
    }

    /** An OK status carrying the imported volume to the UI thread. */
    private static final class DataStatus extends Status {
        final DataObject data;

        DataStatus(DataObject data) {
            super(IStatus.OK, "org.stackscope.ui", "imported");
            this.data = data;
        }
    }

    private void finished(Job finishedJob, Dataset dataset, IStatus status) {
        if (heading.isDisposed() || finishedJob != job) {
            return;
        }
        if (status instanceof DataStatus d) {
            display(dataset.id(), d.data);
        } else if (status.getSeverity() == IStatus.CANCEL) {
            heading.setText("Opening " + dataset.id() + " canceled.");
        } else if (status.getSeverity() == IStatus.ERROR) {
            heading.setText("Cannot open " + dataset.id() + ": " + status.getMessage());
        }
        // datasets that are not volumes leave the view as it was
    }

    /** Shows a volume, or a label volume (overlaid on the grey volume shown when the sizes agree). */
    public void display(String name, DataObject data) {
        if (data instanceof LabelVolume labels) {
            boolean sameSize = shown != null && shown.labels() == null
                    && Arrays.equals(shown.dimensions(), labels.volume().dimensions());
            Volume grey = sameSize ? shown.grey() : labels.volume();
            String title = sameSize ? shown.name() + " + " + name : name;
            shown = new Shown(title, grey, labels, PhaseColours.table(labels.phases(), maxLabel(labels),
                    StackscopePreferences::phaseColour));
        } else if (data instanceof Volume volume) {
            shown = new Shown(name, volume, null, new int[0]);
        } else {
            return;
        }
        long[] dims = shown.dimensions();
        for (int a = 0; a < 3; a++) {
            cursor[a] = (int) (dims[a] / 2);
        }
        zoom = 1;
        heading.setText(shown.name() + " — " + dims[0] + " × " + dims[1] + " × " + dims[2] + " " + shown.grey()
                .sampleType() + ", voxel " + number(shown.voxelSizeUm()[0]) + " × " + number(shown.voxelSizeUm()[1])
                + " × " + length(shown.voxelSizeUm()[2]));
        autoWindow();
        heading.getParent().layout(true, true);
    }

    public Optional<String> shownName() {
        return Optional.ofNullable(shown).map(Shown::name);
    }

    public String heading() {
        return heading.getText();
    }

    /** The rendered slice of a plane (null before anything is shown). */
    public org.eclipse.swt.graphics.ImageData sliceImage(Plane plane) {
        return planes[plane.ordinal()].imageData();
    }

    public String caption(Plane plane) {
        return planes[plane.ordinal()].caption();
    }

    /** The linked cursor in voxels (X, Y, Z). */
    public int[] cursor() {
        return cursor.clone();
    }

    public void moveCursor(int axis, int value) {
        moveCursor(axis, value, axis, value);
    }

    /** Moves the cursor along two axes at once (a click in a plane), clamped to the volume. */
    void moveCursor(int axisA, int valueA, int axisB, int valueB) {
        if (shown == null) {
            return;
        }
        long[] dims = shown.dimensions();
        cursor[axisA] = (int) Math.max(0, Math.min(dims[axisA] - 1, valueA));
        cursor[axisB] = (int) Math.max(0, Math.min(dims[axisB] - 1, valueB));
        refresh();
    }

    /** Sets the grey window in sample units. */
    public void setWindow(double lowValue, double highValue) {
        double scale = Math.pow(10, digits);
        low.setSelection((int) Math.round(lowValue * scale));
        high.setSelection((int) Math.round(highValue * scale));
        displayChanged();
    }

    void zoom(double factor) {
        zoom = Math.max(0.25, Math.min(64, zoom * factor));
        refresh();
    }

    double zoomFactor() {
        return zoom;
    }

    Shown shown() {
        return shown;
    }

    double windowLow() {
        return low.getSelection() / Math.pow(10, digits);
    }

    double windowHigh() {
        return high.getSelection() / Math.pow(10, digits);
    }

    boolean overlayVisible() {
        return overlay.getSelection();
    }

    double overlayOpacity() {
        return opacity.getSelection() / 100.0;
    }

    /** Changes whenever window or overlay change, so the planes re-render. */
    long displayVersion() {
        return displayVersion;
    }

    private void autoWindow() {
        if (shown == null) {
            return;
        }
        // the three planes through the cursor: one slice alone may hold a single phase (a separator layer)
        float[][] planes = new float[3][];
        for (Plane p : Plane.values()) {
            planes[p.ordinal()] = SliceRenderer.samples(shown.grey().image(), p, cursor[p.normal]);
        }
        float[] slice = new float[planes[0].length + planes[1].length + planes[2].length];
        System.arraycopy(planes[0], 0, slice, 0, planes[0].length);
        System.arraycopy(planes[1], 0, slice, planes[0].length, planes[1].length);
        System.arraycopy(planes[2], 0, slice, planes[0].length + planes[1].length, planes[2].length);
        double[] window = shown.labels() != null && shown.grey() == shown.labels().volume()
                ? new double[] { 0, Math.max(1, shown.labels().phases().keySet().stream()
                        .mapToInt(Integer::intValue).max().orElse(1)) }
                : SliceRenderer.autoWindow(slice, 0.5, 99.5);
        // Spinners hold integers: enough decimals that the window spans at least ~1000 steps
        digits = (int) Math.max(0, Math.min(6, Math.ceil(3 - Math.log10(window[1] - window[0]))));
        double scale = Math.pow(10, digits);
        for (Spinner s : new Spinner[] { low, high }) {
            s.setDigits(digits);
            s.setMinimum((int) Math.max(Integer.MIN_VALUE / 2.0, Math.floor((window[0] - (window[1] - window[0]) * 4)
                    * scale)));
            s.setMaximum((int) Math.min(Integer.MAX_VALUE / 2.0, Math.ceil((window[1] + (window[1] - window[0]) * 4)
                    * scale)));
            s.setIncrement((int) Math.max(1, (window[1] - window[0]) * scale / 100));
        }
        setWindow(window[0], window[1]);
    }

    private void displayChanged() {
        displayVersion++;
        refresh();
    }

    private void refresh() {
        if (planes == null) {
            return;
        }
        for (SliceCanvas p : planes) {
            p.refresh();
        }
    }

    @Override
    public void setFocus() {
        planes[0].setFocus();
    }

    @Override
    public void dispose() {
        getSite().getWorkbenchWindow().getSelectionService().removePostSelectionListener(selectionListener);
        if (job != null) {
            job.cancel();
        }
        super.dispose();
    }

    /** A length given in µm, in the preferred unit with its symbol, e.g. "6 µm" or "0.006 mm". */
    static String length(double um) {
        return number(um) + " " + StackscopePreferences.lengthUnit().symbol;
    }

    /** A length given in µm as a number in the preferred unit (four significant digits at most). */
    static String number(double um) {
        return org.stackscope.ui.Numbers.significant(StackscopePreferences.lengthUnit().fromUm(um), 4);
    }

    /** The largest label the sample type can hold, so unnamed labels get colours too. */
    private static int maxLabel(LabelVolume labels) {
        return "uint8".equals(labels.volume().sampleType()) ? 255 : 65535;
    }

    private static Optional<Dataset> selectedDataset(ISelection selection) {
        return selection instanceof IStructuredSelection s && s.getFirstElement() instanceof Dataset d
                ? Optional.of(d)
                : Optional.empty();
    }
}
