using SkiaSharp;

namespace KalugaBot.Knowledge.Matching.Map;

/// <summary>A numbered pin on the map; the legend lists the labels.</summary>
public sealed record MapPin(int Number, string Label, double Lat, double Lon);

/// <summary>Draws Kaluga Region (simplified outline) with numbered pins, grey orientation points (Moscow, Kaluga) and a
/// legend, to a PNG, server-side with SkiaSharp. Stateless apart from the loaded font; safe to share.</summary>
public sealed class MapRenderer(SiteLocations locations, string? fontFile)
{
    public const int Width = 800, Height = 560;
    private const int MapLeft = 16, MapTop = 52, MapWidth = 440, MapHeight = 456, LegendLeft = 480, LegendWidth = 300;
    private readonly SKTypeface _typeface = LoadTypeface(fontFile);

    private static readonly string[] SystemFonts =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "C:\\Windows\\Fonts\\arial.ttf",
    ];

    private static SKTypeface LoadTypeface(string? fontFile)
    {
        foreach (var file in new[] { fontFile }.Concat(SystemFonts))
            if (!string.IsNullOrWhiteSpace(file) && File.Exists(file) && SKTypeface.FromFile(file) is { } face) return face;
        return SKTypeface.Default;
    }

    public byte[] RenderPng(IReadOnlyList<MapPin> pins, string title, string note, string language)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xF4, 0xF7, 0xFA));
        var project = Projection();
        using var ink = new SKPaint { Color = new SKColor(0x1F, 0x2A, 0x37), IsAntialias = true };
        using var subtle = new SKPaint { Color = new SKColor(0x55, 0x60, 0x6E), IsAntialias = true };
        using var grey = new SKPaint { Color = new SKColor(0x8A, 0x94, 0xA0), IsAntialias = true };
        using var pinPaint = new SKPaint { Color = new SKColor(0xC0, 0x39, 0x2B), IsAntialias = true };
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var ring = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Stroke, StrokeWidth = 2, IsAntialias = true };

        DrawOutline(canvas, project);

        using var titleFont = FitFont(title, 20, Width - 32);
        canvas.DrawText(title, 16, 32, SKTextAlign.Left, titleFont, ink);
        using var noteFont = FitFont(note, 12, Width - 32);
        canvas.DrawText(note, 16, Height - 12, SKTextAlign.Left, noteFont, subtle);

        using var referenceFont = new SKFont(_typeface, 13);
        foreach (var (names, lat, lon) in locations.References)
        {
            var p = project(lat, lon);
            canvas.DrawCircle(p, 4, grey);
            var name = names.GetValueOrDefault(language) ?? names.GetValueOrDefault("en") ?? "";
            canvas.DrawText(name, p.X - 6, p.Y - 8, SKTextAlign.Right, referenceFont, grey);
        }

        // Sites in the same town share a point: spread their pins around it so every number stays readable.
        using var numberFont = new SKFont(_typeface, 13) { Embolden = true };
        foreach (var group in pins.GroupBy(p => project(p.Lat, p.Lon)))
        {
            var list = group.OrderBy(p => p.Number).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                var angle = -Math.PI / 2 + i * 2 * Math.PI / Math.Max(1, list.Count);
                var radius = list.Count == 1 ? 0 : 15;
                var at = new SKPoint(group.Key.X + (float)(radius * Math.Cos(angle)), group.Key.Y + (float)(radius * Math.Sin(angle)));
                canvas.DrawCircle(at, 11, pinPaint);
                canvas.DrawCircle(at, 11, ring);
                canvas.DrawText(list[i].Number.ToString(System.Globalization.CultureInfo.InvariantCulture), at.X, at.Y + 4.5f, SKTextAlign.Center, numberFont, white);
            }
        }

        DrawLegend(canvas, pins, ink, pinPaint, white, numberFont);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    private void DrawOutline(SKCanvas canvas, Func<double, double, SKPoint> project)
    {
        using var path = new SKPath();
        var outline = locations.Outline;
        for (var i = 0; i < outline.Count; i++)
        {
            var p = project(outline[i].Lat, outline[i].Lon);
            if (i == 0) path.MoveTo(p); else path.LineTo(p);
        }
        path.Close();
        using var fill = new SKPaint { Color = new SKColor(0xDD, 0xEB, 0xD5), IsAntialias = true, Style = SKPaintStyle.Fill };
        using var dash = SKPathEffect.CreateDash([8, 5], 0);
        using var stroke = new SKPaint { Color = new SKColor(0x6A, 0x8F, 0x5E), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2, PathEffect = dash };
        canvas.DrawPath(path, fill);
        canvas.DrawPath(path, stroke);
    }

    /// <summary>"1  Vorsino Industrial Park" lines on the right, wrapped to the legend width.</summary>
    private void DrawLegend(SKCanvas canvas, IReadOnlyList<MapPin> pins, SKPaint ink, SKPaint pinPaint, SKPaint white, SKFont numberFont)
    {
        using var font = new SKFont(_typeface, 15);
        float y = MapTop + 20;
        foreach (var pin in pins.OrderBy(p => p.Number))
        {
            canvas.DrawCircle(LegendLeft + 11, y - 5, 11, pinPaint);
            canvas.DrawText(pin.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), LegendLeft + 11, y - 0.5f, SKTextAlign.Center, numberFont, white);
            foreach (var line in Wrap(pin.Label, font, LegendWidth - 32))
            {
                canvas.DrawText(line, LegendLeft + 30, y, SKTextAlign.Left, font, ink);
                y += 20;
            }
            y += 14;
            if (y > Height - 40) break;
        }
    }

    private static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (font.MeasureText(candidate) <= width || line.Length == 0) { line = candidate; continue; }
            yield return line;
            line = word;
        }
        if (line.Length > 0) yield return line;
    }

    private SKFont FitFont(string text, float size, float width)
    {
        var font = new SKFont(_typeface, size);
        while (font.MeasureText(text) > width && font.Size > 9) font.Size -= 1;
        return font;
    }

    /// <summary>Equirectangular projection of the outline and reference points into the map area (longitude scaled by cos(latitude)).</summary>
    private Func<double, double, SKPoint> Projection()
    {
        var points = locations.Outline.Select(p => (p.Lon, p.Lat)).Concat(locations.References.Select(r => (r.Lon, r.Lat))).ToList();
        if (points.Count == 0) points = [(33.5, 53.3), (37.7, 55.8)];
        double minLon = points.Min(p => p.Lon) - 0.15, maxLon = points.Max(p => p.Lon) + 0.15;
        double minLat = points.Min(p => p.Lat) - 0.1, maxLat = points.Max(p => p.Lat) + 0.1;
        var kx = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var w = (maxLon - minLon) * kx;
        var h = maxLat - minLat;
        var scale = Math.Min(MapWidth / w, MapHeight / h);
        var offX = MapLeft + (MapWidth - w * scale) / 2;
        var offY = MapTop + (MapHeight - h * scale) / 2;
        return (lat, lon) => new SKPoint((float)Math.Round(offX + (lon - minLon) * kx * scale), (float)Math.Round(offY + (maxLat - lat) * scale));
    }
}
