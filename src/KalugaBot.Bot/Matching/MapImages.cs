using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using KalugaBot.Bot.Templates;
using KalugaBot.Knowledge.Facts;
using KalugaBot.Knowledge.Matching.Map;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace KalugaBot.Bot.Matching;

/// <summary>Map pictures of recommended sites: a stable URL per (language, sites) — <c>/maps/{hash}.png</c> — and the PNG
/// behind it, rendered once and cached. The spec is kept with the hash so a URL stays valid while the process runs;
/// after a restart the same recommendation produces the same hash again.</summary>
public sealed class MapImages(SiteLocations locations, ITemplates templates, IOptions<MatchingOptions> options, IHttpContextAccessor http)
{
    public const string PathPrefix = "/maps/";
    private const int MaxCached = 500;
    // Built on the first picture asked for: loading SkiaSharp and its font costs native memory a chat may never need.
    private readonly Lazy<MapRenderer> _renderer = new(() => new MapRenderer(locations, options.Value.MapFontFile));
    private readonly ConcurrentDictionary<string, MapSpec> _specs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _png = new(StringComparer.Ordinal);

    public sealed record MapSpec(string Language, IReadOnlyList<MapPin> Pins);

    /// <summary>Registers the map of these sites (numbered from <paramref name="firstNumber"/> as in the reply) and returns its absolute URL, or null when none of them has a location.</summary>
    public string? UrlFor(IReadOnlyList<Park> parks, string language, string? serviceUrl, int firstNumber = 1)
    {
        var pins = new List<MapPin>();
        foreach (var park in parks)
        {
            if (locations.For(park.Id) is not { } at) continue;
            // The map font has no Chinese glyphs: Chinese maps are labelled with the English names.
            var label = language == "zh" ? park.Names.Get("en") : park.Names.Get(language);
            pins.Add(new MapPin(firstNumber + parks.ToList().IndexOf(park), label ?? park.Id, at.Lat, at.Lon));
        }
        if (pins.Count == 0) return null;
        var spec = new MapSpec(language, pins);
        var hash = Hash(spec);
        if (_specs.Count >= MaxCached) { _specs.Clear(); _png.Clear(); }
        _specs[hash] = spec;
        return BaseUrl(serviceUrl) + PathPrefix + hash + ".png";
    }

    public byte[]? Png(string hash)
    {
        if (!_specs.TryGetValue(hash, out var spec)) return null;
        return _png.GetOrAdd(hash, _ => _renderer.Value.RenderPng(spec.Pins,
            templates.Render("matching.map_title", spec.Language), templates.Render("matching.map_note", spec.Language), spec.Language));
    }

    private string BaseUrl(string? serviceUrl)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)) return options.Value.PublicBaseUrl.TrimEnd('/');
        if (http.HttpContext?.Request is { } request && request.Host.HasValue)
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        return Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "";
    }

    private static string Hash(MapSpec spec)
    {
        var text = spec.Language + "|" + string.Join("|", spec.Pins.Select(p => $"{p.Number}:{p.Label}:{p.Lat}:{p.Lon}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
    }
}
