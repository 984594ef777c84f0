package bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The median and range of one figure over a function's runs; the median resists the odd run a busy machine spoils. */
record Stats(double median, double min, double max) {

    static Stats of(List<Measurement> runs, ToDoubleFunction<Measurement> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        double median = values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        return new Stats(median, values[0], values[values.length - 1]);
    }

    /** "median (min–max)", whole milliseconds. */
    String cell() {
        return String.format(Locale.ROOT, "%.0f (%.0f–%.0f)", median, min, max);
    }
}
