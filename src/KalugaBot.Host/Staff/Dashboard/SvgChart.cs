using System.Globalization;
using System.Text;
using System.Web;

namespace KalugaBot.Host.Staff.Dashboard;

/// <summary>Small server-drawn SVG bar charts: no script, no external library, every label XML-escaped.</summary>
public static class SvgChart
{
    private const string Bar = "#1f6feb";

    /// <summary>Vertical bars over time (e.g. conversations per day), labelling every n-th column.</summary>
    public static string Columns(string id, IReadOnlyList<(string Label, double Value)> points, int width = 560, int height = 220)
    {
        var svg = Start(id, width, height, points.Count);
        if (points.Count == 0) return Empty(svg, width, height);
        var max = Math.Max(1, points.Max(p => p.Value));
        double left = 36, bottom = height - 28, plotW = width - left - 8, plotH = bottom - 12;
        var step = plotW / points.Count;
        Line(svg, left, bottom, width - 8, bottom);
        Text(svg, 4, 16, Fmt(max), "start");
        var every = Math.Max(1, points.Count / 8);
        for (var i = 0; i < points.Count; i++)
        {
            var h = points[i].Value / max * plotH;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{left + i * step + 1:0.#}\" y=\"{bottom - h:0.#}\" width=\"{Math.Max(1, step - 2):0.#}\" height=\"{h:0.#}\" fill=\"{Bar}\"><title>{Esc(points[i].Label)}: {Fmt(points[i].Value)}</title></rect>");
            if (i % every == 0) Text(svg, left + i * step + step / 2, height - 10, points[i].Label, "middle");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Horizontal bars for categories (languages, channels, topics, sites, countries).</summary>
    public static string Bars(string id, IReadOnlyList<(string Label, double Value)> items, string unit = "", int width = 560)
    {
        var rowH = 24;
        var height = Math.Max(60, items.Count * rowH + 16);
        var svg = Start(id, width, height, items.Count);
        if (items.Count == 0) return Empty(svg, width, height);
        var max = Math.Max(1, items.Max(p => p.Value));
        double labelW = 170, plotW = width - labelW - 70;
        for (var i = 0; i < items.Count; i++)
        {
            var y = 8 + i * rowH;
            var w = items[i].Value / max * plotW;
            var label = items[i].Label.Length > 26 ? items[i].Label[..25] + "…" : items[i].Label;
            Text(svg, labelW - 6, y + 15, label, "end");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{labelW}\" y=\"{y + 3}\" width=\"{Math.Max(1, w):0.#}\" height=\"{rowH - 8}\" fill=\"{Bar}\"><title>{Esc(items[i].Label)}: {Fmt(items[i].Value)}{unit}</title></rect>");
            Text(svg, labelW + w + 6, y + 15, Fmt(items[i].Value) + unit, "start");
        }
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Start(string id, int width, int height, int count) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg id=\"{Esc(id)}\" class=\"chart\" data-points=\"{count}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" font-family=\"system-ui, sans-serif\" font-size=\"11\">");

    private static string Empty(StringBuilder svg, int width, int height)
    {
        Text(svg, width / 2.0, height / 2.0, "no data yet", "middle");
        return svg.Append("</svg>").ToString();
    }

    private static void Line(StringBuilder svg, double x1, double y1, double x2, double y2) =>
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke=\"#98a2b3\"/>");

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" fill=\"#344054\">{Esc(text)}</text>");

    private static string Fmt(double v) => v.ToString(v % 1 == 0 ? "0" : "0.#", CultureInfo.InvariantCulture);
    private static string Esc(string s) => HttpUtility.HtmlEncode(s);
}
