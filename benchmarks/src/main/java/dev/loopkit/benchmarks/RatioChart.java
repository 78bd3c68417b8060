/*
 * Copyright 2026 The loopkit developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.loopkit.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * The report's chart, as SVG: one bar per {@link Comparison}, on a logarithmic axis centred on
 * 1.0 (loopkit equal to the peer), green to the left where loopkit is faster or smaller, red to
 * the right where it is slower or bigger, with the goal marked where there is one.
 */
final class RatioChart {

    private static final double MIN = 1.0 / 32;
    private static final double MAX = 32;
    private static final int LABEL = 430;
    private static final int PLOT = 420;
    private static final int ROW = 22;
    private static final int TOP = 40;

    private RatioChart() {
    }

    /** The SVG document for {@code rows}, titled {@code title}. */
    static String svg(String title, List<Comparison> rows) {
        int height = TOP + ROW * rows.size() + 40;
        int width = LABEL + PLOT + 80;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                escape(title)));
        for (double tick : new double[] {1.0 / 16, 0.25, 1, 4, 16}) {
            double x = x(tick);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>%n",
                    x, TOP - 5, x, height - 30, tick == 1 ? "black" : "#ddd"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                    height - 15, tick < 1 ? "1/" + Math.round(1 / tick) + "x" : Math.round(tick) + "x"));
        }
        for (int i = 0; i < rows.size(); i++) {
            Comparison row = rows.get(i);
            int y = TOP + i * ROW;
            double ratio = Math.max(MIN, Math.min(MAX, row.ratio()));
            double from = Math.min(x(1), x(ratio));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LABEL - 8,
                    y + 14, escape(row.workload() + " vs " + row.peer())));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n", from, y + 3,
                    Math.max(1, Math.abs(x(ratio) - x(1))), ROW - 6, ratio <= 1 ? "#3a9d5d" : "#d0583c"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.2fx</text>%n",
                    Math.max(x(1), x(ratio)) + 4, y + 14, row.ratio()));
            if (row.goal() > 0) {
                double goal = x(row.goal());
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1f4e9c\" stroke-width=\"3\"/>%n",
                        goal, y + 1, goal, y + ROW - 1));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(double ratio) {
        return LABEL + PLOT * (Math.log(ratio) - Math.log(MIN)) / (Math.log(MAX) - Math.log(MIN));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
