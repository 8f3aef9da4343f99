package org.corroborate.report;

import java.util.List;
import java.util.Locale;

/**
 * Small inline SVG bar charts for report.html, drawn in Java so the page needs no script library
 * and no network. Every label is XML-escaped here, because the page inserts the SVG unescaped.
 * Colours come from CSS classes ({@code bar}, {@code axis}, {@code label}) with fill attributes as
 * a fallback, so the charts print and read the same without the page's stylesheet.
 */
final class Charts {
  private Charts() {}

  /** One bar: its label, its value and the tooltip that explains it. */
  record Bar(String label, long value, String tooltip) {}

  /**
   * A vertical bar chart: one bar per bin, its count above it, the bin's label below, and
   * {@code axisLabel} under the axis.
   */
  static String columns(String title, String axisLabel, List<Bar> bars) {
    int width = 360;
    int height = 200;
    int left = 12;
    int right = 12;
    int top = 22;
    int bottom = 40;
    double plotWidth = width - left - right;
    double plotHeight = height - top - bottom;
    long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
    StringBuilder svg = open(title, width, height);
    double slot = plotWidth / Math.max(1, bars.size());
    double barWidth = Math.max(2, slot * 0.7);
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double h = b.value() == 0 ? 0 : Math.max(1.5, plotHeight * b.value() / max);
      double x = left + i * slot + (slot - barWidth) / 2;
      double y = top + plotHeight - h;
      svg.append("<g><title>").append(escape(b.tooltip())).append("</title>")
          .append(String.format(Locale.ROOT,
              "<rect class=\"bar\" fill=\"#2f6f9f\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
              x, y, barWidth, h))
          .append(text(x + barWidth / 2, y - 4, "middle", "value", String.valueOf(b.value())))
          .append(text(x + barWidth / 2, top + plotHeight + 15, "middle", "label", b.label()))
          .append("</g>");
    }
    svg.append(String.format(Locale.ROOT,
        "<line class=\"axis\" stroke=\"#8a93a3\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
        left, top + plotHeight, width - right, top + plotHeight));
    svg.append(text(width / 2.0, height - 6, "middle", "caption", axisLabel));
    return svg.append("</svg>").toString();
  }

  /** A horizontal bar chart: one row per bar, the label left, the value right of the bar. */
  static String rows(String title, List<Bar> bars) {
    int width = 360;
    int labelWidth = 170;
    int rowHeight = 18;
    int top = 6;
    int height = top * 2 + rowHeight * Math.max(1, bars.size());
    long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
    double plotWidth = width - labelWidth - 40;
    StringBuilder svg = open(title, width, height);
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double y = top + i * rowHeight;
      double w = Math.max(1.5, plotWidth * b.value() / max);
      svg.append("<g><title>").append(escape(b.tooltip())).append("</title>")
          .append(text(labelWidth - 6, y + 13, "end", "label", shorten(b.label(), 20)))
          .append(String.format(Locale.ROOT,
              "<rect class=\"bar\" fill=\"#2f6f9f\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\"/>",
              labelWidth, y + 3, w, rowHeight - 6))
          .append(text(labelWidth + w + 4, y + 13, "start", "value", String.valueOf(b.value())))
          .append("</g>");
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String title, int width, int height) {
    return new StringBuilder()
        .append(String.format(Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                + " role=\"img\" aria-label=\"", width, height, width, height))
        .append(escape(title)).append("\"><title>").append(escape(title)).append("</title>");
  }

  private static String text(double x, double y, String anchor, String cssClass, String content) {
    return String.format(Locale.ROOT,
        "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"11\" fill=\"#1d2430\">",
        cssClass, x, y, anchor) + escape(content) + "</text>";
  }

  /** {@code s} cut to {@code max} characters with an ellipsis; the tooltip keeps the whole text. */
  static String shorten(String s, int max) {
    if (s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "\u2026";
  }

  /** {@code s} safe as XML/HTML text and as a double- or single-quoted attribute value. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // Control characters other than tab and newlines are not allowed in XML.
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
