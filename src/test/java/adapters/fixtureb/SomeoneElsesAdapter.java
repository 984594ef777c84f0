package adapters.fixtureb;

/** The other side of the family-rule fixture. */
public final class SomeoneElsesAdapter {
    public String name() {
        return "b";
    }
}
