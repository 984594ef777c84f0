package adapters.memory;

import domain.ConnectionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import ports.PushGateway;
import ports.PushGatewayContract;

class InMemoryPushGatewayTest extends PushGatewayContract {
    private final InMemoryPushGateway gateway = new InMemoryPushGateway();
    private final Map<ConnectionId, List<String>> inboxes = new ConcurrentHashMap<>();

    @Override
    protected PushGateway gateway() {
        return gateway;
    }

    @Override
    protected ConnectionId openConnection() {
        ConnectionId id = ConnectionId.of(UUID.randomUUID().toString());
        List<String> inbox = new ArrayList<>();
        inboxes.put(id, inbox);
        gateway.open(id, inbox::add);
        return id;
    }

    @Override
    protected void closeConnection(ConnectionId id) {
        gateway.close(id);
    }

    @Override
    protected List<String> received(ConnectionId id) {
        return inboxes.get(id);
    }
}
