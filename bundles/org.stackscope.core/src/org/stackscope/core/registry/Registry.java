package org.stackscope.core.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.results.Hashing;

/**
 * The one registry of importers and analyses. In OSGi it is read from the extension points
 * {@code org.stackscope.core.importers} and {@code org.stackscope.core.analyses}, so headless runs and the workbench
 * see the same contributions; plain-Java tests build one from explicit descriptors.
 */
public final class Registry {

    private static volatile Registry platformRegistry;
    private static volatile List<String> platformFingerprint = List.of();

    private final List<ImporterDescriptor> importers;
    private final List<AnalysisDescriptor> analyses;
    private final List<String> problems;

    private Registry(List<ImporterDescriptor> importers, List<AnalysisDescriptor> analyses, List<String> problems) {
        this.importers = importers.stream().sorted(Comparator.comparing(ImporterDescriptor::id)).toList();
        this.analyses = analyses.stream().sorted(Comparator.comparing(AnalysisDescriptor::id)).toList();
        this.problems = List.copyOf(problems);
    }

    public static Registry of(List<ImporterDescriptor> importers, List<AnalysisDescriptor> analyses) {
        return new Registry(importers, analyses, List.of());
    }

    /**
     * The registry of the running platform. It is rebuilt when the contributions change (a plugin installed or
     * removed at run time); comparing the contributing elements is cheap next to creating descriptors.
     */
    public static Registry platform() {
        IExtensionRegistry ext = RegistryFactory.getRegistry();
        if (ext == null) {
            throw new IllegalStateException("no Eclipse extension registry: not running in OSGi");
        }
        List<String> fingerprint = ExtensionReader.fingerprint(ext);
        Registry r = platformRegistry;
        if (r == null || !fingerprint.equals(platformFingerprint)) {
            List<String> problems = new ArrayList<>();
            r = new Registry(ExtensionReader.importers(ext, problems), ExtensionReader.analyses(ext, problems),
                    problems);
            platformRegistry = r;
            platformFingerprint = fingerprint;
        }
        return r;
    }

    public List<ImporterDescriptor> importers() {
        return importers;
    }

    public List<AnalysisDescriptor> analyses() {
        return analyses;
    }

    /** Contributions that were skipped because their plugin.xml was incomplete. */
    public List<String> problems() {
        return problems;
    }

    public Optional<AnalysisDescriptor> analysis(String id) {
        return analyses.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<ImporterDescriptor> importer(String id) {
        return importers.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /**
     * The importer for a file: a signature match (YES) wins, then an extension/content guess (MAYBE).
     *
     * @throws ImportException when the file is missing or no importer recognises it
     */
    public ImporterDescriptor detect(Path file) throws ImportException {
        requireReadable(file);
        ImporterDescriptor maybe = null;
        for (ImporterDescriptor d : importers) {
            Match m = d.factory().get().matches(file);
            if (m == Match.YES) {
                return d;
            }
            if (m == Match.MAYBE && maybe == null) {
                maybe = d;
            }
        }
        if (maybe != null) {
            return maybe;
        }
        throw new ImportException(file, "", "no importer recognises this file (run 'formats' for the known ones)");
    }

    /**
     * The importer named by {@code formatId}, or the one {@link #detect} picks when it is null.
     *
     * @throws ImportException when the format is unknown, or the file missing or unrecognised
     */
    public ImporterDescriptor importerFor(Path file, String formatId) throws ImportException {
        if (formatId == null) {
            return detect(file);
        }
        return importer(formatId).orElseThrow(
                () -> new ImportException(file, "", "unknown format '" + formatId + "' (run 'formats')"));
    }

    /** Detects (or uses the given format), reads and fingerprints one input. */
    public Inputs.Input read(Path file, String formatId, ImportSettings settings, Monitor monitor)
            throws ImportException {
        requireReadable(file);
        ImporterDescriptor d = importerFor(file, formatId);
        Importer<?> importer = d.factory().get();
        DataObject data;
        try {
            data = importer.read(file, settings, monitor);
        } catch (ImportException | CanceledException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, "", e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new ImportException(file, "", "not enough memory to read it (raise -Xmx)");
        } catch (RuntimeException e) {
            throw new ImportException(file, "", "importer " + d.id() + " failed: " + e, e);
        }
        try {
            return new Inputs.Input(file, Hashing.sha256(file), d.id(), data);
        } catch (IOException e) {
            throw new ImportException(file, "", "cannot read it to compute its SHA-256: " + e.getMessage(), e);
        }
    }

    private static void requireReadable(Path file) throws ImportException {
        if (!Files.exists(file)) {
            throw new ImportException(file, "", "no such file or folder");
        }
        if (!Files.isReadable(file)) {
            throw new ImportException(file, "", "not readable (check permissions)");
        }
    }
}
