package org.stackscope.ui.preview;

import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.progress.IProgressConstants;
import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.ImportException;
import org.stackscope.study.Dataset;

/**
 * Imports a dataset's file in the background with the importer the registry picks (or the dataset names), through
 * {@link ImportedData} so other views reuse it, and prepares its {@link Preview}. Canceling stops the importer at its next {@code Monitor} check.
 */
public final class PreviewJob extends Job {

    private final Dataset dataset;
    private volatile Preview preview;

    public PreviewJob(Dataset dataset) {
        super("Importing " + dataset.id());
        this.dataset = dataset;
        // the view that asked for the preview says why an import failed; no error dialog on top of it
        setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
    }

    public Dataset dataset() {
        return dataset;
    }

    /** The preview, once the job has finished with an OK status. */
    public Optional<Preview> preview() {
        return Optional.ofNullable(preview);
    }

    @Override
    protected IStatus run(IProgressMonitor progress) {
        SubMonitor steps = SubMonitor.convert(progress, getName(), 2);
        try {
            DataObject data = ImportedData.of(dataset, new JobMonitor(steps.split(1)));
            preview = Preview.of(dataset.id(), data, new JobMonitor(steps.split(1)));
            return Status.OK_STATUS;
        } catch (CanceledException | OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (ImportException e) {
            return Status.error(e.getMessage(), e);
        } finally {
            progress.done();
        }
    }
}
