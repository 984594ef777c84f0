package adapters.simulation;

import adapters.memory.InMemoryConnectionRepository;
import adapters.memory.InMemoryMessageQueue;
import adapters.memory.InMemoryNotificationHistory;
import adapters.memory.InMemoryPushGateway;
import adapters.memory.InMemoryTokenVerifier;
import domain.BatchDelivery;
import domain.ConnectService;
import domain.DisconnectService;
import domain.ResumeService;
import domain.SubscriptionService;
import ports.MessageSource;

/** Herald wired on in-memory adapters with faults injected: what a simulation drives and inspects. */
public interface SimulatedSystem {

    ConnectService connectService();

    DisconnectService disconnectService();

    SubscriptionService subscriptionService();

    BatchDelivery batchDelivery();

    ResumeService resumeService();

    /** The history as it is, without injected faults, to check what was recorded before it was pushed. */
    InMemoryNotificationHistory history();

    NotifierClock notifierClock();

    /** The queue as the batchDelivery reads it, duplicates included. */
    MessageSource messageSource();

    InMemoryMessageQueue queue();

    InMemoryPushGateway sockets();

    InMemoryConnectionRepository store();

    InMemoryTokenVerifier tokens();
}
