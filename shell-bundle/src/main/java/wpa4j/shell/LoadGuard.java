package wpa4j.shell;

import java.io.File;
import java.io.IOException;
import java.util.Optional;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import wpa4j.runtime.console.Console;

/**
 * Makes dropping a copy of an installed bundle into a FileInstall directory (load/) a no-op. FileInstall 3.7
 * treats a jar whose symbolic name and version equal an installed bundle's as an update of that bundle (it
 * compares file dates, not contents): the shipped bundle is stopped, updated with the same bytes, refreshed
 * and started, which restarts a core or the sim medium and ends its links. This installer claims such a jar
 * when its entries are byte for byte those of the installed bundle, and only says so. A jar with the same
 * version but other content is left to FileInstall (an in-place update); so is every other jar.
 *
 * <p>FileInstall consults installers before its own bundle handling. Its API package is imported optionally:
 * where FileInstall is absent nobody asks for this (delayed) component's service, so its class is never loaded.
 */
@Component(service = ArtifactInstaller.class)
public class LoadGuard implements ArtifactInstaller {
    private BundleContext context;

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
    }

    @Override
    public boolean canHandle(File artifact) {
        if (!artifact.getName().endsWith(".jar") || !artifact.isFile()) {
            return false;
        }
        try {
            return same(artifact).isPresent();
        } catch (IOException | RuntimeException unreadable) {
            return false; // FileInstall reports it
        }
    }

    @Override
    public void install(File artifact) throws IOException {
        report(artifact);
    }

    @Override
    public void update(File artifact) throws IOException {
        report(artifact); // FileInstall asks only while canHandle holds: still the same bytes
    }

    @Override
    public void uninstall(File artifact) {
        if (artifact.exists()) {
            // overwritten with a jar that is not a copy (a new version): FileInstall drops our claim but would not
            // look at the file again until it changes; a new date makes it install the jar on its next poll
            if (!artifact.setLastModified(System.currentTimeMillis() + 1000)) {
                Console.line(artifact.getName() + ": could not be handed back to FileInstall; touch it to install it");
            }
        }
    }

    private Optional<Bundle> same(File artifact) throws IOException {
        return SameBundle.find(context.getBundles(), artifact);
    }

    private void report(File artifact) throws IOException {
        Optional<Bundle> b = same(artifact);
        if (b.isPresent()) {
            Console.line(artifact.getParentFile().getName() + "/" + artifact.getName() + ": " + b.get().getSymbolicName() + " " + b.get().getVersion()
                    + " is installed already with the same content (bundle " + b.get().getBundleId() + "): nothing to do");
        }
    }
}
