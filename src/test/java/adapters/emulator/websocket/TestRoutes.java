package adapters.emulator.websocket;

import adapters.emulator.definitions.FunctionDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A route table like Herald's, plus a two-way {@code echo} route and a {@code slow} one with a 1 s integration timeout. */
final class TestRoutes {
    private TestRoutes() {
    }

    static RouteTable table() {
        return new RouteTable("$request.body.action", List.of(route(Route.CONNECT), route(Route.DISCONNECT),
                route(Route.DEFAULT), route("shout"),
                new Route("echo", function("EchoFunction"), Duration.ofSeconds(29), true),
                new Route("fail", function("FailFunction"), Duration.ofSeconds(29), true),
                new Route("slow", function("SlowFunction"), Duration.ofSeconds(1), true)));
    }

    static Route route(String key) {
        return new Route(key, function(key.replace("$", "") + "Function"), Duration.ofSeconds(29), false);
    }

    static FunctionDefinition function(String name) {
        return new FunctionDefinition(name, "unused::handleRequest", Map.of(), Duration.ofSeconds(10), 512, "us-east-1");
    }
}
