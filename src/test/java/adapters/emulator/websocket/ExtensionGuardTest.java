package adapters.emulator.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Who may call an extension: loopback clients unless allowed, and only pages the gateway served. */
class ExtensionGuardTest {
    // TEST-NET-1 (RFC 5737): an address no test ever dials, standing for another machine.
    private static final InetSocketAddress ANOTHER_MACHINE = address("192.0.2.10", 50_000);
    private static final InetSocketAddress LOOPBACK_CLIENT = address("127.0.0.1", 50_000);
    private static final InetSocketAddress GATEWAY = address("127.0.0.1", 3001);

    @Test
    void aClientOnAnotherMachine_isRefused_unlessExtensionsAnswerAnyAddress() {
        InetSocketAddress dialled = address("192.0.2.1", 3001);

        assertThat(new ExtensionGuard("0.0.0.0", false).refusal(ANOTHER_MACHINE, dialled, null))
                .hasValueSatisfying(why -> assertThat(why).contains("only clients on this machine"));
        assertThat(new ExtensionGuard("0.0.0.0", true).refusal(ANOTHER_MACHINE, dialled, null)).isEmpty();
    }

    @Test
    void aLoopbackClientWithoutOrigin_isAnswered() {
        assertThat(new ExtensionGuard("localhost", false).refusal(LOOPBACK_CLIENT, GATEWAY, null)).isEmpty();
    }

    @Test
    void thePagesTheGatewayServed_areAnswered() {
        ExtensionGuard guard = new ExtensionGuard("localhost", false);

        for (String origin : new String[] {"http://localhost:3001", "http://127.0.0.1:3001", "http://[::1]:3001",
                "HTTP://LOCALHOST:3001"}) {
            assertThat(guard.refusal(LOOPBACK_CLIENT, GATEWAY, origin)).as(origin).isEmpty();
        }
    }

    @Test
    void pagesFromAnywhereElse_areRefused_evenFromLoopback() {
        ExtensionGuard guard = new ExtensionGuard("localhost", false);

        for (String origin : new String[] {"http://evil.example:3001", "http://localhost:8080", "https://localhost:3001",
                "null", "http://localhost.evil.example:3001", "not an origin", "http://192.0.2.1:3001"}) {
            assertThat(guard.refusal(LOOPBACK_CLIENT, GATEWAY, origin)).as(origin)
                    .hasValueSatisfying(why -> assertThat(why).contains("only pages the gateway served"));
        }
    }

    @Test
    void onAWildcardAddress_theAddressTheClientDialled_isTheGatewaysOwnPage() {
        ExtensionGuard guard = new ExtensionGuard("0.0.0.0", true);
        InetSocketAddress dialled = address("192.0.2.1", 3001);

        assertThat(guard.refusal(ANOTHER_MACHINE, dialled, "http://192.0.2.1:3001")).isEmpty();
        assertThat(guard.refusal(ANOTHER_MACHINE, dialled, "http://192.0.2.2:3001")).isPresent();
    }

    private static InetSocketAddress address(String literal, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(literal), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
