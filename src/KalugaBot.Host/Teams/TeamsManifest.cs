using System.Text.Json.Nodes;
using KalugaBot.Bot.Language;
using KalugaBot.Bot.Templates;

namespace KalugaBot.Host.Teams;

/// <summary>Builds manifest.json (Teams app manifest schema v1.19) and one localization file per further language.</summary>
public static class TeamsManifest
{
    public const string ManifestVersion = "1.19";
    public const string SchemaUrl = "https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.schema.json";
    public const string LocalizationSchemaUrl = "https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.Localization.schema.json";
    public const string ColorIcon = "color.png";
    public const string OutlineIcon = "outline.png";

    /// <summary>The bot commands offered in the compose box, in order: template keys teams.command_{name}_title/_description.</summary>
    public static readonly IReadOnlyList<string> Commands = ["help", "find_site", "benefits", "contact", "start_over"];

    /// <summary>Teams picks a localization file by the client language, falling back to the language without region.</summary>
    private static readonly IReadOnlyDictionary<string, string> LanguageTags = new Dictionary<string, string>
    {
        ["ru"] = "ru", ["de"] = "de", ["fr"] = "fr", ["it"] = "it", ["zh"] = "zh", ["pt"] = "pt",
    };

    public sealed record Settings(string AppId, string BotId, string Version, string ShortName, string DeveloperName,
        string WebsiteUrl, string PrivacyUrl, string TermsOfUseUrl, string AccentColor, IReadOnlyList<string> ValidDomains);

    public static JsonObject Build(Settings settings, ITemplates templates)
    {
        string T(string key) => templates.Render("teams." + key, Languages.English);
        var commands = new JsonArray();
        foreach (var command in Commands)
            commands.Add(new JsonObject { ["title"] = T($"command_{command}_title"), ["description"] = T($"command_{command}_description") });

        return new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["manifestVersion"] = ManifestVersion,
            ["version"] = settings.Version,
            ["id"] = settings.AppId,
            ["localizationInfo"] = new JsonObject
            {
                ["defaultLanguageTag"] = "en",
                ["additionalLanguages"] = new JsonArray(LanguageTags.Select(l =>
                    (JsonNode)new JsonObject { ["languageTag"] = l.Value, ["file"] = FileOf(l.Key) }).ToArray()),
            },
            ["developer"] = new JsonObject
            {
                ["name"] = settings.DeveloperName,
                ["websiteUrl"] = settings.WebsiteUrl,
                ["privacyUrl"] = settings.PrivacyUrl,
                ["termsOfUseUrl"] = settings.TermsOfUseUrl,
            },
            ["name"] = new JsonObject { ["short"] = settings.ShortName, ["full"] = T("app_name_full") },
            ["description"] = new JsonObject { ["short"] = T("app_description_short"), ["full"] = T("app_description_full") },
            ["icons"] = new JsonObject { ["color"] = ColorIcon, ["outline"] = OutlineIcon },
            ["accentColor"] = settings.AccentColor,
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = settings.BotId,
                ["scopes"] = new JsonArray("personal", "team", "groupChat"),
                ["supportsFiles"] = false,
                ["isNotificationOnly"] = false,
                ["commandLists"] = new JsonArray(new JsonObject
                {
                    ["scopes"] = new JsonArray("personal", "team", "groupChat"),
                    ["commands"] = commands,
                }),
            }),
            ["permissions"] = new JsonArray("identity", "messageTeamMembers"),
            ["validDomains"] = new JsonArray(settings.ValidDomains.Select(d => (JsonNode)JsonValue.Create(d)!).ToArray()),
        };
    }

    /// <summary>The localization files: file name → content.</summary>
    public static IReadOnlyDictionary<string, JsonObject> BuildLocalizations(Settings settings, ITemplates templates)
    {
        var files = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var language in LanguageTags.Keys)
        {
            string T(string key) => templates.Render("teams." + key, language);
            var file = new JsonObject
            {
                ["$schema"] = LocalizationSchemaUrl,
                ["name.short"] = settings.ShortName,
                ["name.full"] = T("app_name_full"),
                ["description.short"] = T("app_description_short"),
                ["description.full"] = T("app_description_full"),
            };
            for (var i = 0; i < Commands.Count; i++)
            {
                file[$"bots[0].commandLists[0].commands[{i}].title"] = T($"command_{Commands[i]}_title");
                file[$"bots[0].commandLists[0].commands[{i}].description"] = T($"command_{Commands[i]}_description");
            }
            files[FileOf(language)] = file;
        }
        return files;
    }

    private static string FileOf(string language) => language + ".json";
}
