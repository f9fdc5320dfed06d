package org.stackscope.ui.views;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.registry.ImporterDescriptor;
import org.stackscope.core.registry.Registry;
import org.stackscope.study.Cell;
import org.stackscope.study.Dataset;
import org.stackscope.study.Study;

/**
 * Adds files to a study: each file's format is detected by the importers' cheap {@code matches} (files no importer
 * recognises are listed and left out); cell, stack pressure and cycle apply to all files added together.
 */
public final class AddDatasetsDialog extends TitleAreaDialog {

    private final Study study;
    private final Map<Path, ImporterDescriptor> recognised = new LinkedHashMap<>();
    private final Map<Path, String> refused = new LinkedHashMap<>();
    private final String initialCell;
    private Combo cell;
    private Text pressure;
    private Text cycle;
    private List<Dataset> added = List.of();

    public AddDatasetsDialog(Shell parent, Study study, List<Path> files, String initialCell, Registry registry) {
        super(parent);
        this.study = study;
        this.initialCell = initialCell;
        for (Path f : files) {
            try {
                recognised.put(f, registry.detect(f));
            } catch (ImportException e) {
                refused.put(f, e.getMessage());
            }
        }
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        getShell().setText("Add Datasets");
        setTitle("Add " + recognised.size() + " file(s) to " + study.name());
        if (!refused.isEmpty()) {
            setMessage(refused.size() + " file(s) no importer recognises are left out.", IMessageProvider.WARNING);
        }
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        body.setLayout(new GridLayout(2, false));
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Table table = new Table(body, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        for (String title : new String[] { "File", "Format" }) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(title);
            c.setWidth(title.equals("File") ? 260 : 300);
        }
        recognised.forEach((f, importer) -> new TableItem(table, SWT.NONE).setText(new String[] {
                String.valueOf(f.getFileName()), importer.id() + " — " + importer.name() }));
        refused.forEach((f, reason) -> new TableItem(table, SWT.NONE).setText(new String[] {
                String.valueOf(f.getFileName()), "not recognised: " + reason }));
        new Label(body, SWT.NONE).setText("Cell");
        cell = new Combo(body, SWT.READ_ONLY);
        List<String> cells = new ArrayList<>(List.of("(none)"));
        study.cells().stream().map(Cell::id).forEach(cells::add);
        cell.setItems(cells.toArray(String[]::new));
        cell.select(Math.max(0, cells.indexOf(initialCell)));
        new Label(body, SWT.NONE).setText("Stack pressure (MPa)");
        pressure = new Text(body, SWT.BORDER);
        pressure.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(body, SWT.NONE).setText("Cycle");
        cycle = new Text(body, SWT.BORDER);
        cycle.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        pressure.addListener(SWT.Modify, e -> validate());
        cycle.addListener(SWT.Modify, e -> validate());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setText("Add");
        validate();
    }

    private void validate() {
        String problem = recognised.isEmpty() ? "No file is in a format Stackscope can read." : null;
        if (problem == null && !pressure.getText().isBlank() && !(parse(pressure.getText()) >= 0)) {
            problem = "Stack pressure must be a number ≥ 0 (MPa), or empty when unknown.";
        }
        if (problem == null && !cycle.getText().isBlank() && !cycle.getText().trim().matches("\\d+")) {
            problem = "Cycle must be a whole number ≥ 0, or empty when unknown.";
        }
        setErrorMessage(problem);
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
        }
    }

    /** Sets the common fields as a user would (tests). */
    public void fill(String cellId, String stackPressure, String cycleNumber) {
        cell.setText(cellId);
        pressure.setText(stackPressure);
        cycle.setText(cycleNumber);
    }

    @Override
    protected void okPressed() {
        String cellId = cell.getSelectionIndex() <= 0 ? "" : cell.getText();
        double p = pressure.getText().isBlank() ? Double.NaN : parse(pressure.getText());
        int c = cycle.getText().isBlank() ? -1 : Integer.parseInt(cycle.getText().trim());
        List<Dataset> out = new ArrayList<>();
        Study growing = study;
        for (Map.Entry<Path, ImporterDescriptor> e : recognised.entrySet()) {
            String base = e.getKey().getFileName().toString().replaceFirst("\\.[^.]+$", "");
            Dataset d = new Dataset(growing.freeDatasetId(base), cellId, e.getKey().toAbsolutePath().normalize(),
                    e.getValue().id(), p, c, Double.NaN, Map.of());
            growing = growing.withDatasets(List.of(d));
            out.add(d);
        }
        added = out;
        super.okPressed();
    }

    /** The datasets to add, once "Add" was pressed. */
    public List<Dataset> added() {
        return added;
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text.trim().replace(',', '.').toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Adds the datasets, writes study.json and returns the study as saved. */
    public static Study addAndSave(Study study, List<Dataset> datasets) throws java.io.IOException {
        Study grown = study.withDatasets(datasets);
        grown.save();
        return Study.load(study.folder());
    }
}
