package adapters.local.gateway;

/** The parts the channel handlers share: one per running gateway. */
record Gateway(GatewaySettings settings, RouteTable routes, Invocations invocations, Events events,
        Connections connections, Disconnects disconnects) {
}
