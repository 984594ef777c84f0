package adapters.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `herald` command line: one executable jar, one subcommand per job. */
@Command(name = "herald", mixinStandardHelpOptions = true, versionProvider = Herald.Version.class,
        description = "Real-time notifications from serverless AWS back ends to browsers.",
        subcommands = {LocalCommand.class, SimulateCommand.class, TokenCommand.class, SendCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Herald {

    public static void main(String[] args) {
        // Before any logger exists: the command line logs plain lines through Log4j; Lambda's jar has no Log4j and logs
        // JSON lines (adapters.lambda.log).
        System.setProperty("log4j2.configurationFile", "log4j2-cli.xml");
        System.exit(new CommandLine(new Herald()).execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Herald.class.getPackage().getImplementationVersion();
            return new String[]{"herald " + (version == null ? "development build" : version)};
        }
    }
}
