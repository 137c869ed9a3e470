namespace KalugaBot.Knowledge.Tests;

/// <summary>A throw-away knowledge folder: a small valid base (one park, one fact) that a test can break or extend.</summary>
public sealed class TempKnowledge : IDisposable
{
    public const string ValidPark = """
        id: alpha-park
        kind: industrial_park
        names:
          en: Alpha Park
          ru: Альфа-парк
        aliases:
          de: [Alphapark]
        clusters: [automotive]
        total_area_ha:
          - value: 100
            unit: ha
            as_of: "2020-01-01"
            source: https://example.org/alpha-2020
          - value: 120
            unit: ha
            as_of: "2023-05-01"
            source: https://example.org/alpha-2023
        rail_siding:
          - value: true
            as_of: undated
            source: https://example.org/alpha-rail
        """;

    public const string ValidFacts = """
        topic: region
        facts:
          - id: region-size
            title: {en: Size, ru: Размер, de: Größe, fr: Taille, it: Dimensione, zh: 大小, pt: Tamanho}
            aliases:
              en: [how big is the region]
            entities: [alpha-park]
            values:
              - value: 29900
                unit: km2
                as_of: undated
                source: https://example.org/size
          - id: gap-price
            title: {en: Price, ru: Цена, de: Preis, fr: Prix, it: Prezzo, zh: 价格, pt: Preço}
            state: unknown
        """;

    public TempKnowledge(bool withBase = true)
    {
        Folder = Path.Combine(Path.GetTempPath(), "kalugabot-knowledge-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Folder, "parks"));
        Directory.CreateDirectory(Path.Combine(Folder, "facts"));
        if (!withBase) return;
        Write("parks/alpha-park.yaml", ValidPark);
        Write("facts/region.yaml", ValidFacts);
    }

    public string Folder { get; }

    public string PathOf(string relative) => System.IO.Path.Combine(Folder, relative);

    public TempKnowledge Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    /// <summary>Copies a real knowledge folder (for editor and host tests that must not touch the repository).</summary>
    public static TempKnowledge CopyOf(string source)
    {
        var temp = new TempKnowledge(withBase: false);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(temp.Folder, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return temp;
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}
