package org.stackscope.batch;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.stackscope.core.registry.Registry;

/** The headless Equinox application: hands the command line to {@link Cli} and returns its exit code. */
public final class BatchApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        int code = new Cli(Registry.platform(), System.out, System.err).run(args == null ? new String[0] : args);
        System.out.flush();
        // The launcher uses eclipse.exitcode when the JVM ends; the Integer result covers embedded launches.
        System.setProperty("eclipse.exitcode", Integer.toString(code));
        return code;
    }

    @Override
    public void stop() {
        // Commands are short-lived and check for cancellation themselves; nothing to interrupt.
    }
}
