using SkiaSharp;

namespace KalugaBot.Knowledge.Matching.Map;

/// <summary>A labelled pin on the map.</summary>
public sealed record MapPin(int Number, string Label, double Lat, double Lon);

/// <summary>Draws Kaluga Region (simplified outline) with numbered, labelled pins to a PNG, server-side with SkiaSharp.</summary>
public sealed class MapRenderer(SiteLocations locations, string? fontFile)
{
    public const int Width = 800, Height = 600;
    private const int Margin = 40, TitleHeight = 44, NoteHeight = 28;
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

    public byte[] RenderPng(IReadOnlyList<MapPin> pins, string title, string note)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xF4, 0xF7, 0xFA));
        var project = Projection();

        using (var path = new SKPath())
        {
            var outline = locations.Outline;
            for (var i = 0; i < outline.Count; i++)
            {
                var p = project(outline[i].Lat, outline[i].Lon);
                if (i == 0) path.MoveTo(p); else path.LineTo(p);
            }
            path.Close();
            using var fill = new SKPaint { Color = new SKColor(0xDD, 0xEB, 0xD5), IsAntialias = true, Style = SKPaintStyle.Fill };
            using var stroke = new SKPaint { Color = new SKColor(0x6A, 0x8F, 0x5E), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2, PathEffect = SKPathEffect.CreateDash([8, 5], 0) };
            canvas.DrawPath(path, fill);
            canvas.DrawPath(path, stroke);
        }

        using var titleFont = new SKFont(_typeface, 20);
        using var labelFont = new SKFont(_typeface, 15);
        using var numberFont = new SKFont(_typeface, 13);
        using var noteFont = new SKFont(_typeface, 12);
        using var ink = new SKPaint { Color = new SKColor(0x1F, 0x2A, 0x37), IsAntialias = true };
        using var subtle = new SKPaint { Color = new SKColor(0x55, 0x60, 0x6E), IsAntialias = true };
        using var pinPaint = new SKPaint { Color = new SKColor(0xC0, 0x39, 0x2B), IsAntialias = true };
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var halo = new SKPaint { Color = new SKColor(255, 255, 255, 210), IsAntialias = true };

        canvas.DrawText(title, Margin / 2f, 30, SKTextAlign.Left, titleFont, ink);
        canvas.DrawText(note, Margin / 2f, Height - 10, SKTextAlign.Left, noteFont, subtle);

        // Sites that share a town share a point: stack their labels below each other.
        var labelsAt = new Dictionary<(int, int), int>();
        foreach (var pin in pins.OrderBy(p => p.Number))
        {
            var point = project(pin.Lat, pin.Lon);
            var key = ((int)point.X, (int)point.Y);
            var stacked = labelsAt.GetValueOrDefault(key);
            labelsAt[key] = stacked + 1;
            if (stacked == 0)
            {
                canvas.DrawCircle(point, 11, pinPaint);
                canvas.DrawCircle(point, 11, new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Stroke, StrokeWidth = 2, IsAntialias = true });
            }
            var numbers = string.Join(",", pins.Where(p => ((int)project(p.Lat, p.Lon).X, (int)project(p.Lat, p.Lon).Y) == key).Select(p => p.Number));
            if (stacked == 0) canvas.DrawText(numbers.Length > 3 ? "•" : numbers, point.X, point.Y + 4.5f, SKTextAlign.Center, numberFont, white);
            var text = $"{pin.Number}. {pin.Label}";
            var width = labelFont.MeasureText(text);
            var x = Math.Min(point.X + 16, Width - width - 6);
            var y = point.Y + 5 + stacked * 19;
            canvas.DrawRoundRect(new SKRect(x - 3, y - 14, x + width + 3, y + 5), 3, 3, halo);
            canvas.DrawText(text, x, y, SKTextAlign.Left, labelFont, ink);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    /// <summary>Equirectangular projection of the outline's bounding box into the drawing area (longitude scaled by cos(latitude)).</summary>
    private Func<double, double, SKPoint> Projection()
    {
        var outline = locations.Outline.Count > 0 ? locations.Outline : [(33.5, 53.3), (37.3, 55.4)];
        double minLon = outline.Min(p => p.Lon), maxLon = outline.Max(p => p.Lon), minLat = outline.Min(p => p.Lat), maxLat = outline.Max(p => p.Lat);
        var kx = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var w = (maxLon - minLon) * kx;
        var h = maxLat - minLat;
        var areaW = Width - 2 * Margin - 180; // room for labels on the right
        var areaH = Height - TitleHeight - NoteHeight - 2 * Margin;
        var scale = Math.Min(areaW / w, areaH / h);
        var offX = Margin + (areaW - w * scale) / 2;
        var offY = TitleHeight + Margin + (areaH - h * scale) / 2;
        return (lat, lon) => new SKPoint((float)(offX + (lon - minLon) * kx * scale), (float)(offY + (maxLat - lat) * scale));
    }
}
