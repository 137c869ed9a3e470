using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KalugaBot.Bot.Templates;
using KalugaBot.Protocol.Auth;

namespace KalugaBot.Host.Teams;

/// <summary>The Teams app package: manifest.json, localization files and the two icons, zipped at the root as Teams expects.</summary>
public static partial class TeamsAppPackage
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Checks the configuration; returns the manifest settings or the list of what is wrong.</summary>
    public static (TeamsManifest.Settings? Settings, IReadOnlyList<string> Errors) Resolve(BotAuthOptions bot, TeamsPackageOptions package)
    {
        var errors = new List<string>();
        var botId = bot.MicrosoftAppId?.Trim();
        if (string.IsNullOrEmpty(botId))
            errors.Add("Bot:MicrosoftAppId is not set. Register the bot with Azure Bot Service and set its app id (environment variable Bot__MicrosoftAppId).");
        else if (!Guid.TryParse(botId, out _))
            errors.Add($"Bot:MicrosoftAppId '{botId}' is not a GUID; the Teams manifest needs the app (client) id of the Azure app registration.");
        var appId = string.IsNullOrWhiteSpace(package.AppId) ? botId : package.AppId.Trim();
        if (!string.IsNullOrEmpty(appId) && !Guid.TryParse(appId, out _)) errors.Add($"Teams:Package:AppId '{appId}' is not a GUID.");

        var domains = package.ValidDomains.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var domain in domains.Where(d => !DomainPattern().IsMatch(d)))
            errors.Add($"Teams:Package:ValidDomains entry '{domain}' is not a host name (no scheme, no path), e.g. bot.example.org.");
        var website = package.WebsiteUrl ?? (domains.Count > 0 ? $"https://{domains[0]}/" : null);
        if (website is null)
            errors.Add("Set Teams:Package:ValidDomains to the bot's public host (environment variable Teams__Package__ValidDomains__0), or Teams:Package:WebsiteUrl: the manifest needs a website.");
        foreach (var (name, url) in new[] { ("WebsiteUrl", website), ("PrivacyUrl", package.PrivacyUrl), ("TermsOfUseUrl", package.TermsOfUseUrl) })
            if (url is not null && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                errors.Add($"Teams:Package:{name} must be an https URL.");
        if (!VersionPattern().IsMatch(package.Version)) errors.Add($"Teams:Package:Version '{package.Version}' is not a version like 1.0.0.");
        if (!ColorPattern().IsMatch(package.AccentColor)) errors.Add($"Teams:Package:AccentColor '{package.AccentColor}' is not a colour like #1F5FA8.");
        if (package.ShortName.Length is 0 or > 30) errors.Add("Teams:Package:ShortName must have 1 to 30 characters.");
        if (package.DeveloperName.Length is 0 or > 32) errors.Add("Teams:Package:DeveloperName must have 1 to 32 characters.");
        if (errors.Count > 0) return (null, errors);

        return (new TeamsManifest.Settings(appId!, botId!, package.Version, package.ShortName, package.DeveloperName,
            website!, package.PrivacyUrl ?? website!, package.TermsOfUseUrl ?? website!, package.AccentColor, domains), errors);
    }

    public static void Write(Stream output, TeamsManifest.Settings settings, ITemplates templates)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, "manifest.json", JsonSerializer.SerializeToUtf8Bytes(TeamsManifest.Build(settings, templates), Indented));
        foreach (var (file, content) in TeamsManifest.BuildLocalizations(settings, templates))
            Add(zip, file, JsonSerializer.SerializeToUtf8Bytes(content, Indented));
        Add(zip, TeamsManifest.ColorIcon, TeamsIconPainter.Color(settings.AccentColor));
        Add(zip, TeamsManifest.OutlineIcon, TeamsIconPainter.Outline());
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }

    [GeneratedRegex(@"^(\*\.)?([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+(:\d+)?$")] private static partial Regex DomainPattern();
    [GeneratedRegex(@"^([0-9]|[1-9][0-9]*)\.([0-9]|[1-9][0-9]*)\.([0-9]|[1-9][0-9]*)$")] private static partial Regex VersionPattern();
    [GeneratedRegex("^#[0-9a-fA-F]{6}$")] private static partial Regex ColorPattern();
}
