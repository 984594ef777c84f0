package adapters.emulator.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteSelectionTest {

    @Test
    void bodyPath_selectsTheValueAtThatPath_inBothNotations() {
        assertThat(new RouteSelection("$request.body.action").routeKey("{\"action\":\"ping\"}")).contains("ping");
        assertThat(new RouteSelection("${request.body.meta.kind}").routeKey("{\"meta\":{\"kind\":\"sub\"}}"))
                .contains("sub");
    }

    @Test
    void notJsonMissingPropertyOrObjectValue_selectNothing() {
        RouteSelection selection = new RouteSelection("$request.body.action");

        assertThat(selection.routeKey("ping")).isEmpty();
        assertThat(selection.routeKey("{\"other\":1}")).isEmpty();
        assertThat(selection.routeKey("{\"action\":{\"a\":1}}")).isEmpty();
        assertThat(selection.routeKey("{\"action\":null}")).isEmpty();
    }

    @Test
    void reservedRouteKeys_areNeverSelectedByAMessage() {
        RouteTable routes = TestRoutes.table();

        assertThat(routes.forText("{\"action\":\"$connect\"}")).map(Route::routeKey).contains(Route.DEFAULT);
        assertThat(routes.forText("{\"action\":\"shout\"}")).map(Route::routeKey).contains("shout");
    }
}
