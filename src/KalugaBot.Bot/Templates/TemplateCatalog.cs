using System.Text;
using KalugaBot.Bot.Language;
using YamlDotNet.Serialization;

namespace KalugaBot.Bot.Templates;

/// <summary>Templates loaded from dialogs/*.yaml. A file "matching.yaml" with key "ask_area" gives "matching.ask_area".</summary>
public sealed class TemplateCatalog : ITemplates
{
    private readonly Dictionary<string, Dictionary<string, string>> _templates;

    public TemplateCatalog(Dictionary<string, Dictionary<string, string>> templates) => _templates = templates;

    public static TemplateCatalog LoadFolder(string folder)
    {
        var deserializer = new DeserializerBuilder().Build();
        var all = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var prefix = Path.GetFileNameWithoutExtension(file);
            Dictionary<string, Dictionary<string, string>>? entries;
            try
            {
                entries = deserializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(file, Encoding.UTF8));
            }
            catch (YamlDotNet.Core.YamlException ex)
            {
                throw new InvalidDataException($"{file}: line {ex.Start.Line}: {ex.Message}", ex);
            }
            foreach (var (key, byLanguage) in entries ?? [])
            {
                if (!byLanguage.ContainsKey(Languages.English))
                    throw new InvalidDataException($"{file}: template '{key}' has no English ('en') text.");
                all[$"{prefix}.{key}"] = byLanguage;
            }
        }
        return new TemplateCatalog(all);
    }

    public IReadOnlyCollection<string> Keys => _templates.Keys;

    public bool Has(string key) => _templates.ContainsKey(key);

    public IReadOnlyCollection<string> LanguagesOf(string key) =>
        _templates.TryGetValue(key, out var byLanguage) ? byLanguage.Keys : [];

    public string Render(string key, string language, IReadOnlyDictionary<string, string?>? slots = null)
    {
        if (!_templates.TryGetValue(key, out var byLanguage))
            throw new KeyNotFoundException($"No reply template '{key}'.");
        var text = byLanguage.TryGetValue(language, out var localized) ? localized : byLanguage[Languages.English];
        return slots is null ? text.TrimEnd() : Fill(text, slots).TrimEnd();
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string?> slots)
    {
        var result = new StringBuilder(text.Length + 32);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                var end = text.IndexOf('}', i + 1);
                if (end > i && slots.TryGetValue(text[(i + 1)..end], out var value))
                {
                    result.Append(value);
                    i = end;
                    continue;
                }
            }
            result.Append(text[i]);
        }
        return result.ToString();
    }
}
