package adapters.bench;

/**
 * One line of a scenario's results.
 *
 * @param goal what the issue asks for, e.g. {@code ≤ 2000}; empty when there is none
 * @param met  whether the value meets the goal; null when there is none
 */
record Row(String measure, double value, String unit, String goal, Boolean met) {

    static Row of(String measure, double value, String unit) {
        return new Row(measure, value, unit, "", null);
    }

    static Row atMost(String measure, double value, String unit, double goal) {
        return new Row(measure, value, unit, "≤ " + format(goal), value <= goal);
    }

    static Row atLeast(String measure, double value, String unit, double goal) {
        return new Row(measure, value, unit, "≥ " + format(goal), value >= goal);
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format("%,d", (long) value);
        }
        return Math.abs(value) >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }
}
