package ports;

import domain.InboundMessage;
import java.util.List;

/** Passes every call to another message source; a test overrides the calls it changes. */
public class ForwardingMessageSource implements MessageSource {
    private final MessageSource delegate;

    public ForwardingMessageSource(MessageSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<InboundMessage> receive() {
        return delegate.receive();
    }

    @Override
    public void acknowledge(InboundMessage message) {
        delegate.acknowledge(message);
    }

    @Override
    public void fail(InboundMessage message, String reason) {
        delegate.fail(message, reason);
    }

    @Override
    public void deadLetter(InboundMessage message, String reason) {
        delegate.deadLetter(message, reason);
    }
}
