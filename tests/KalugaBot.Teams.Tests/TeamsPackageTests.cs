using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using KalugaBot.Host.CommandLine;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Xunit.Abstractions;

namespace KalugaBot.Teams.Tests;

/// <summary>The <c>teams-package</c> command: a zip with a schema-valid manifest, localizations and correct icons.</summary>
/// <remarks>The package is built once by the command in its own app and only read by the tests.</remarks>
public sealed class TeamsPackageTests(TeamsPackageTests.BuiltPackage built, ITestOutputHelper output) : IClassFixture<TeamsPackageTests.BuiltPackage>
{
    private static readonly Lazy<JsonSchema> ManifestSchema = new(() => LoadSchema("MicrosoftTeams.v1.19.subset.schema.json"));
    private static readonly Lazy<JsonSchema> LocalizationSchema = new(() => LoadSchema("MicrosoftTeams.Localization.v1.19.subset.schema.json"));

    [Fact]
    public void The_package_holds_a_manifest_that_validates_against_the_v1_19_schema()
    {
        using var package = built.Open();

        var manifest = ReadJson(package, "manifest.json");
        AssertValid(ManifestSchema.Value, manifest, "manifest.json");
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        Assert.Equal(TeamsHost.AppId, (string?)manifest["id"]);
        var bot = manifest["bots"]![0]!;
        Assert.Equal(TeamsHost.AppId, (string?)bot["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string)s!));
        var commands = bot["commandLists"]![0]!["commands"]!.AsArray();
        Assert.Equal(5, commands.Count);
        Assert.Contains(commands, c => (string?)c!["title"] == "start over");
        Assert.Equal(["kalugabot.example.org", "*.example.org"], manifest["validDomains"]!.AsArray().Select(d => (string)d!));
        Assert.Equal("https://kalugabot.example.org/", (string?)manifest["developer"]!["websiteUrl"]);
        Assert.Equal(["color.png", "outline.png"], new[] { (string)manifest["icons"]!["color"]!, (string)manifest["icons"]!["outline"]! });
    }

    [Fact]
    public void Every_language_has_a_valid_localization_file_with_translated_command_titles()
    {
        using var package = built.Open();
        var manifest = ReadJson(package, "manifest.json");

        var languages = manifest["localizationInfo"]!["additionalLanguages"]!.AsArray();
        Assert.Equal(["ru", "de", "fr", "it", "zh", "pt"], languages.Select(l => (string)l!["languageTag"]!));
        foreach (var language in languages)
        {
            var file = (string)language!["file"]!;
            var localization = ReadJson(package, file);
            AssertValid(LocalizationSchema.Value, localization, file);
            Assert.Equal(manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Count * 2,
                localization.AsObject().Count(p => p.Key.StartsWith("bots[0].", StringComparison.Ordinal)));
        }
        Assert.Equal("начать сначала", (string?)ReadJson(package, "ru.json")["bots[0].commandLists[0].commands[4].title"]);
    }

    [Fact]
    public void The_icons_are_192_colour_and_32_transparent_white_outline()
    {
        using var package = built.Open();

        using var color = Decode(package, "color.png");
        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.All(Pixels(color), p => Assert.Equal(255, p.Alpha));
        Assert.True(Pixels(color).Select(p => p.ToString()).Distinct().Count() > 2, "the colour icon shows a symbol, not a flat square");

        using var outline = Decode(package, "outline.png");
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        var pixels = Pixels(outline).ToList();
        Assert.All(pixels, p => Assert.True(p.Alpha == 0 || (p.Red >= 250 && p.Green >= 250 && p.Blue >= 250), $"pixel {p} is neither transparent nor white"));
        Assert.Equal(0, outline.GetPixel(0, 0).Alpha);
        Assert.Contains(pixels, p => p.Alpha == 255);
        Assert.True(pixels.Count(p => p.Alpha == 0) > pixels.Count / 3, "the outline icon is mostly transparent");
    }

    [Fact]
    public void The_schema_check_catches_a_broken_manifest()
    {
        using var package = built.Open();
        var manifest = ReadJson(package, "manifest.json");
        manifest["id"] = "kalugabot";
        manifest["bots"]![0]!["commandLists"]![0]!["commands"]![0]!["title"] = new string('x', 33);

        var result = ManifestSchema.Value.Evaluate(JsonSerializer.SerializeToElement(manifest), Options);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Without_a_bot_app_id_the_command_fails_clearly_and_writes_nothing()
    {
        var path = Path.Combine(Path.GetTempPath(), "kalugabot-tests", Guid.NewGuid().ToString("N"), "kalugabot-teams.zip");
        await using var app = new KalugaBotApp(new Dictionary<string, string?> { ["Teams:Package:ValidDomains:0"] = "kalugabot.example.org" });
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        int code;
        try
        {
            code = await RunCommandAsync(app, ["--out", path]);
        }
        finally
        {
            Console.SetError(previous);
        }
        output.WriteLine(error.ToString());

        Assert.Equal(1, code);
        Assert.Contains("Bot:MicrosoftAppId is not set", error.ToString());
        Assert.False(File.Exists(path));
    }

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private void AssertValid(JsonSchema schema, JsonNode document, string name)
    {
        var result = schema.Evaluate(JsonSerializer.SerializeToElement(document), Options);
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).ToList();
        foreach (var e in errors) output.WriteLine($"{name} {e}");
        Assert.True(result.IsValid, $"{name} does not match the schema: {string.Join("; ", errors)}");
    }

    private static JsonSchema LoadSchema(string file) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", file)));

    private static async Task<int> RunCommandAsync(KalugaBotApp app, string[] args)
    {
        var command = app.Services.GetServices<IHostCommand>().Single(c => c.Name == "teams-package");
        using var scope = app.Services.CreateScope();
        return await command.RunAsync(scope.ServiceProvider, args, CancellationToken.None);
    }

    private static JsonNode ReadJson(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"{name} is missing from the package");
        using var stream = entry.Open();
        return JsonNode.Parse(stream)!;
    }

    private static SKBitmap Decode(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return SKBitmap.Decode(memory.ToArray());
    }

    private static IEnumerable<SKColor> Pixels(SKBitmap bitmap)
    {
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                yield return bitmap.GetPixel(x, y);
    }

    public sealed class BuiltPackage : IAsyncLifetime
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "kalugabot-tests", Guid.NewGuid().ToString("N"));
        private string ZipPath => Path.Combine(_folder, "kalugabot-teams.zip");

        public async Task InitializeAsync()
        {
            await using var app = new KalugaBotApp(new Dictionary<string, string?>
            {
                ["Bot:MicrosoftAppId"] = TeamsHost.AppId,
                ["Teams:Package:ValidDomains:0"] = "kalugabot.example.org",
                ["Teams:Package:ValidDomains:1"] = "*.example.org",
            });
            var code = await RunCommandAsync(app, ["--out", ZipPath]);
            Assert.Equal(0, code);
        }

        public ZipArchive Open() => new(File.OpenRead(ZipPath), ZipArchiveMode.Read);

        public Task DisposeAsync()
        {
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
            return Task.CompletedTask;
        }
    }
}
