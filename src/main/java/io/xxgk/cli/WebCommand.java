package io.xxgk.cli;

import io.xxgk.i18n.Messages;
import io.xxgk.util.ExitCodes;
import io.xxgk.util.RunFiles;
import io.xxgk.util.UserException;
import io.xxgk.web.WebServer;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xxgk web}: the same checks, merges and templates on a page in the browser, for people who
 * never open a terminal. Serves 127.0.0.1 only, behind a secret in the address; stops on Ctrl-C.
 */
@Command(name = "web", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class WebCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--port", paramLabel = "N", descriptionKey = "web.port")
    int port;

    @Option(names = "--no-browser", descriptionKey = "web.noBrowser")
    boolean noBrowser;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UserException(ExitCodes.USAGE, "web.badPort", port);
        }
        PrintWriter err = spec.commandLine().getErr();
        WebServer server;
        try {
            server = WebServer.start(port, RunFiles.dir().resolve("web"), Messages.locale());
        } catch (WebServer.PortInUseException e) {
            throw new UserException(ExitCodes.USAGE, "web.portInUse", port);
        }
        RunFiles.onInterrupt(Messages.get("web.stopped"));
        err.println(Messages.get("web.started", server.address()));
        err.println(Messages.get("web.howToStop"));
        err.flush();
        if (!noBrowser && !openBrowser(server.address())) {
            err.println(Messages.get("web.noBrowserFound"));
            err.flush();
        }
        // Until Ctrl-C: the shutdown hook deletes the uploads with the run's temporary folder.
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }

    /** Opens the default browser where the desktop has one; false when it cannot. */
    private static boolean openBrowser(String address) {
        try {
            if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(address));
                return true;
            }
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String[] command = os.contains("win") ? new String[] {"rundll32", "url.dll,FileProtocolHandler", address}
                    : os.contains("mac") ? new String[] {"open", address} : new String[] {"xdg-open", address};
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
