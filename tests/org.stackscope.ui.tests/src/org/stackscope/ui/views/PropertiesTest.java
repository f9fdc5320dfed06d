package org.stackscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.Test;
import org.stackscope.core.api.Monitor;
import org.stackscope.study.Dataset;
import org.stackscope.study.Study;
import org.stackscope.ui.Perspective;
import org.stackscope.ui.preview.ImportedData;

/** Dataset metadata in the Properties view; the Error Log is part of the product. */
class PropertiesTest {

    @Test
    void aDatasetShowsItsStudyEntryAndOnceImportedWhatTheImporterFound() throws Exception {
        assumeTrue(Files.isDirectory(TestStudies.example()), "this build has no examples/study");
        Dataset ct = Study.load(TestStudies.example()).datasets().get(0);

        ImportedData.clear();
        IPropertySource before = Platform.getAdapterManager().getAdapter(ct, IPropertySource.class);
        assertNotNull(before, "datasets adapt to IPropertySource");
        assertEquals("50 MPa", value(before, "Study/stack pressure"));
        assertFalse(categories(before).contains("Data"), "nothing imported yet, and the view does not import");

        ImportedData.of(ct, Monitor.NONE);
        IPropertySource after = Platform.getAdapterManager().getAdapter(ct, IPropertySource.class);
        assertTrue(categories(after).contains("Data"), categories(after).toString());
        assertEquals("[64, 64, 48]", value(after, "Data/dimensions"));
    }

    @Test
    void propertiesAndErrorLogViewsOpen() throws Exception {
        assertNotNull(Workbench.page().showView(IPageLayout.ID_PROP_SHEET));
        assertNotNull(Workbench.page().showView(Perspective.ERROR_LOG));
    }

    private static String value(IPropertySource source, String id) {
        return String.valueOf(source.getPropertyValue(id));
    }

    private static List<String> categories(IPropertySource source) {
        return Arrays.stream(source.getPropertyDescriptors()).map(IPropertyDescriptor::getCategory).toList();
    }
}
