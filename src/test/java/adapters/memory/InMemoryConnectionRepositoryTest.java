package adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import domain.Connection;
import org.junit.jupiter.api.Test;
import ports.ConnectionRepository;
import ports.ConnectionRepositoryContract;

class InMemoryConnectionRepositoryTest extends ConnectionRepositoryContract {
    private final InMemoryConnectionRepository repository = new InMemoryConnectionRepository();

    @Override
    protected ConnectionRepository repository() {
        return repository;
    }

    @Test
    void sweep_removesExactlyTheExpiredRecords() {
        Connection old = connection("old", user("u"));
        repository.save(old);

        assertThat(repository.sweep(old.expiresAt().minusSeconds(1))).isZero();
        assertThat(repository.sweep(old.expiresAt())).isEqualTo(1);
        assertThat(repository.find(old.id())).isEmpty();
    }
}
