using System.Globalization;
using YamlDotNet.Serialization;

namespace KalugaBot.Knowledge.Matching.Map;

/// <summary>An approximate map point of a site, with the documented place it is based on.</summary>
public sealed record SiteLocation(string SiteId, double Lat, double Lon, bool Approximate, string Basis, string Source);

/// <summary>knowledge/geo/sites.yaml: approximate site positions and a simplified region outline (see the file header).</summary>
public sealed class SiteLocations
{
    public IReadOnlyDictionary<string, SiteLocation> Sites { get; private init; } = new Dictionary<string, SiteLocation>();
    public IReadOnlyList<(double Lon, double Lat)> Outline { get; private init; } = [];

    public SiteLocation? For(string siteId) => Sites.GetValueOrDefault(siteId);

    public static SiteLocations Load(string file)
    {
        var yaml = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(File.ReadAllText(file))
                   ?? throw new InvalidDataException($"{file} is empty.");
        var places = Map(yaml.GetValueOrDefault("places")).ToDictionary(kv => kv.Key, kv => Map(kv.Value));
        var sites = new Dictionary<string, SiteLocation>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, node) in Map(yaml.GetValueOrDefault("sites")))
        {
            var site = Map(node);
            var place = places.GetValueOrDefault(Str(site, "place")) ?? throw new InvalidDataException($"{file}: site {id} names an unknown place.");
            sites[id] = new SiteLocation(id, Num(place, "lat"), Num(place, "lon"), Str(site, "approximate") != "false", Str(site, "basis"), Str(site, "source"));
        }
        var outline = (yaml.GetValueOrDefault("region_outline") as IEnumerable<object> ?? [])
            .Select(p => ((IEnumerable<object>)p).Select(x => double.Parse(x.ToString()!, CultureInfo.InvariantCulture)).ToArray())
            .Select(a => (a[0], a[1])).ToList();
        return new SiteLocations { Sites = sites, Outline = outline };
    }

    private static Dictionary<string, object> Map(object? node) =>
        (node as IDictionary<object, object> ?? new Dictionary<object, object>()).ToDictionary(kv => kv.Key.ToString()!, kv => kv.Value);

    private static string Str(Dictionary<string, object> map, string key) => map.GetValueOrDefault(key)?.ToString() ?? "";

    private static double Num(Dictionary<string, object> map, string key) => double.Parse(Str(map, key), CultureInfo.InvariantCulture);
}
