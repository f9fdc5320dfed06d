package org.stackscope.core.results;

import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Which bundles (and versions) made a result: all Stackscope bundles plus the bundle of each analysis used. */
public final class Provenance {

    private Provenance() {
    }

    /** The version of the core bundle, or "dev" outside OSGi. */
    public static String productVersion() {
        Bundle core = FrameworkUtil.getBundle(Provenance.class);
        return core == null ? "dev" : core.getVersion().toString();
    }

    /** The symbolic name of the bundle that holds a class, or "" outside OSGi. */
    public static String bundleOf(Class<?> type) {
        Bundle b = FrameworkUtil.getBundle(type);
        return b == null ? "" : b.getSymbolicName();
    }

    /** Symbolic name → version of every org.stackscope.* bundle and of the named extra bundles. */
    public static Map<String, String> bundleVersions(Iterable<String> extraBundles) {
        Map<String, String> out = new TreeMap<>();
        Bundle core = FrameworkUtil.getBundle(Provenance.class);
        if (core == null || core.getBundleContext() == null) {
            return out;
        }
        java.util.Set<String> extra = new java.util.HashSet<>();
        extraBundles.forEach(extra::add);
        for (Bundle b : core.getBundleContext().getBundles()) {
            String name = b.getSymbolicName();
            if (name != null && (name.startsWith("org.stackscope.") || extra.contains(name))) {
                out.put(name, b.getVersion().toString());
            }
        }
        return out;
    }
}
