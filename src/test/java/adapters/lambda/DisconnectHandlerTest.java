package adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.memory.InMemoryConnectionRepository;
import domain.Connection;
import domain.ConnectionId;
import domain.DisconnectService;
import domain.Limits;
import domain.Principal;
import domain.UserId;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DisconnectHandlerTest {
    private final InMemoryConnectionRepository repository = new InMemoryConnectionRepository();
    private final DisconnectHandler handler = new DisconnectHandler(() -> new DisconnectService(repository));

    @Test
    void disconnect_forgetsTheConnectionAndIsIdempotent() {
        ConnectionId id = ConnectionId.of("CYf6ecLEDoECGHg=");
        repository.save(Connection.open(id, new Principal(UserId.of("alice"), Set.of()), Instant.now(), Limits.DEFAULT));

        assertThat(handler.handleRequest(Events.webSocket("disconnect"), null).getStatusCode()).isEqualTo(200);
        assertThat(handler.handleRequest(Events.webSocket("disconnect"), null).getStatusCode()).isEqualTo(200);
        assertThat(repository.find(id)).isEmpty();
    }
}
