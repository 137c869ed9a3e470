using SkiaSharp;

namespace KalugaBot.Host.Teams;

/// <summary>Draws the two icons a Teams app needs: a 192×192 full-colour icon and a 32×32 white outline on transparency.</summary>
/// <remarks>The symbol (a speech bubble holding a factory roofline) is drawn from paths, not fonts, so it looks the same on
/// machines without any font installed.</remarks>
public static class TeamsIconPainter
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    public static byte[] Color(string accentColor)
    {
        using var surface = SKSurface.Create(new SKImageInfo(ColorSize, ColorSize, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        var accent = SKColor.Parse(accentColor);
        canvas.Clear(accent);
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Fill };
        using var fill = new SKPaint { Color = accent, IsAntialias = true, Style = SKPaintStyle.Fill };
        using (var bubble = Bubble(ColorSize)) canvas.DrawPath(bubble, white);
        using (var factory = Factory(ColorSize)) canvas.DrawPath(factory, fill);
        return Encode(surface);
    }

    public static byte[] Outline()
    {
        using var surface = SKSurface.Create(new SKImageInfo(OutlineSize, OutlineSize, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        using var stroke = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2f, StrokeJoin = SKStrokeJoin.Round };
        using var fill = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Fill };
        using (var bubble = Bubble(OutlineSize)) canvas.DrawPath(bubble, stroke);
        using (var factory = Factory(OutlineSize)) canvas.DrawPath(factory, fill);
        return Encode(surface);
    }

    private static SKPath Bubble(float size)
    {
        var path = new SKPath();
        path.AddRoundRect(new SKRect(0.12f * size, 0.14f * size, 0.88f * size, 0.70f * size), 0.10f * size, 0.10f * size);
        path.MoveTo(0.28f * size, 0.68f * size);
        path.LineTo(0.22f * size, 0.88f * size);
        path.LineTo(0.44f * size, 0.68f * size);
        path.Close();
        return path;
    }

    /// <summary>A sawtooth factory roof with a chimney: the industrial parks the bot talks about.</summary>
    private static SKPath Factory(float size)
    {
        (float X, float Y)[] points =
        [
            (0.24f, 0.60f), (0.24f, 0.42f), (0.35f, 0.33f), (0.35f, 0.42f), (0.46f, 0.33f), (0.46f, 0.42f),
            (0.57f, 0.33f), (0.57f, 0.42f), (0.66f, 0.42f), (0.66f, 0.24f), (0.74f, 0.24f), (0.74f, 0.60f),
        ];
        var path = new SKPath();
        path.MoveTo(points[0].X * size, points[0].Y * size);
        foreach (var (x, y) in points.Skip(1)) path.LineTo(x * size, y * size);
        path.Close();
        return path;
    }

    private static byte[] Encode(SKSurface surface)
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
