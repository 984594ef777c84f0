package adapters.emulator.definitions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a SAM/CloudFormation template the way the local stack needs it: the WebSocket API and its routes, each
 * function's handler and resolved environment, the tables and the SQS event sources.
 */
public final class TemplateReader {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateReader.class);

    private TemplateReader() {
    }

    public static LocalTemplate read(Path templateFile, TemplateOverrides overrides) throws IOException {
        Template template = new Template(CloudFormationYaml.load(templateFile));
        List<String> warnings = new ArrayList<>();
        LocalReferences references = new LocalReferences(template, overrides, warnings);
        Intrinsics intrinsics = new Intrinsics(template, references);
        LocalTemplate local = new LocalTemplate(new WebSocketApiReader(template, intrinsics).read(),
                new FunctionReader(template, intrinsics, overrides, warnings, references.region()).read(),
                new TableReader(template, intrinsics).read(), new SqsEventReader(template, intrinsics).read(),
                warnings);
        local.warnings().forEach(warning -> LOG.warn("{}: {}", templateFile.getFileName(), warning));
        return local;
    }
}
