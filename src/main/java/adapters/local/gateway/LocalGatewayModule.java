package adapters.local.gateway;

import adapters.local.template.LocalTemplate;
import dagger.Binds;
import dagger.Module;
import dagger.Provides;

/**
 * The local gateway's parts: the template's routes and the reflective handler invoker. Needs a {@link LocalTemplate}
 * (from {@code TemplateReader.read}) in the component; the composition root then calls
 * {@link LocalGateway#start(GatewaySettings, RouteTable, LambdaInvoker)} with a {@link GatewaySettings}.
 */
@Module
public abstract class LocalGatewayModule {

    @Binds
    abstract LambdaInvoker invoker(ReflectiveLambdaInvoker reflective);

    @Provides
    static RouteTable routes(LocalTemplate template) {
        return RouteTable.from(template);
    }
}
