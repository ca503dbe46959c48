package dev.scimgateway.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and formatting. */
final class Stats {

  private Stats() {}

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.removeIf(v -> v == null || v.isNaN());
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static long medianLong(List<Long> values) {
    return Math.round(median(values.stream().map(Long::doubleValue).toList()));
  }

  static String f0(double v) {
    return Double.isNaN(v) ? "–" : String.format("%,.0f", v);
  }

  static String f1(double v) {
    return Double.isNaN(v) ? "–" : String.format("%.1f", v);
  }

  static String f2(double v) {
    return Double.isNaN(v) ? "–" : String.format("%.2f", v);
  }

  static String signed2(double v) {
    return Double.isNaN(v) ? "–" : String.format("%+.2f", v);
  }

  static String mib(long kb) {
    return kb < 0 ? "–" : String.format("%.0f MiB", kb / 1024.0);
  }
}
