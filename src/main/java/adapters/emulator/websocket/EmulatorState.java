package adapters.emulator.websocket;

/** What the channel handlers of one running emulator share. */
record EmulatorState(EmulatorSettings settings, RouteTable routes, Invocations invocations, Events events,
        Connections connections, Disconnects disconnects) {
}
