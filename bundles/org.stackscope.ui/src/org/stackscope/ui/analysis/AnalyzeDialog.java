package org.stackscope.ui.analysis;

import java.util.List;
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
import org.stackscope.core.registry.AnalysisDescriptor;

/**
 * Choose an analysis for a dataset and fill in its settings. The settings form is generated from the analysis's
 * settings class; invalid values are named in the title area (the CLI's message) and block OK.
 */
public final class AnalyzeDialog extends TitleAreaDialog {

    private final String datasetName;
    private final List<AnalysisDescriptor> analyses;
    private Combo choice;
    private Composite formHolder;
    private SettingsForm form;
    private AnalysisDescriptor selected;
    private Map<String, String> values = Map.of();
    private Map<String, String> changed = Map.of();

    public AnalyzeDialog(Shell parent, String datasetName, List<AnalysisDescriptor> analyses) {
        super(parent);
        this.datasetName = datasetName;
        this.analyses = List.copyOf(analyses);
        setHelpAvailable(false);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        getShell().setText("Run Analysis");
        setTitle("Analyse " + datasetName);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite top = new Composite(area, SWT.NONE);
        top.setLayout(new GridLayout(2, false));
        top.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(top, SWT.NONE).setText("Analysis");
        choice = new Combo(top, SWT.READ_ONLY);
        choice.setItems(analyses.stream().map(a -> a.name() + "  [" + a.id() + "]").toArray(String[]::new));
        choice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        choice.addListener(SWT.Selection, e -> select(choice.getSelectionIndex()));
        formHolder = new Composite(top, SWT.NONE);
        formHolder.setLayout(new GridLayout(1, false));
        formHolder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setText("Run");
        if (!analyses.isEmpty()) {
            choice.select(0);
            select(0);
        } else {
            setMessage("No installed analysis takes this kind of data.", IMessageProvider.WARNING);
            getButton(IDialogConstants.OK_ID).setEnabled(false);
        }
    }

    /** Shows the settings of the analysis at {@code index}. */
    public void select(int index) {
        selected = analyses.get(index);
        if (form != null) {
            form.dispose();
        }
        form = new SettingsForm(formHolder, selected.settingsClass(), this::validate);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        choice.select(index);
        formHolder.layout(true, true);
        getShell().layout(true, true);
        validate();
    }

    public SettingsForm form() {
        return form;
    }

    private void validate() {
        String problem = form.problem();
        if (problem == null) {
            setMessage(selected.description(), IMessageProvider.NONE);
            setErrorMessage(null);
        } else {
            setErrorMessage(problem);
        }
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
        }
    }

    @Override
    protected void okPressed() {
        values = form.values();
        changed = form.changedValues();
        super.okPressed();
    }

    public AnalysisDescriptor analysis() {
        return selected;
    }

    /** Only the settings changed from their defaults, once OK was pressed (what a recipe step records). */
    public Map<String, String> changedSettings() {
        return changed;
    }

    /** The settings as text (--set key=value pairs), once OK was pressed. */
    public Map<String, String> settings() {
        return values;
    }
}
