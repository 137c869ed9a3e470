using System.Globalization;
using KalugaBot.Knowledge.Facts;
using KalugaBot.Knowledge.Loading;
using KalugaBot.Knowledge.Store;
using YamlDotNet.RepresentationModel;

namespace KalugaBot.Knowledge.Editing;

/// <summary>
/// Staff edits to the knowledge folder: each change is validated together with the whole folder first; only a valid
/// folder is written (atomically) and then reloaded. On problems nothing changes on disk.
/// </summary>
public sealed class KnowledgeEditor(KnowledgeStore store)
{
    public const string AliasFile = "aliases/staff-aliases.yaml";
    public const string FactFile = "facts/staff-additions.yaml";

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Adds a phrasing/spelling for a fact or park (e.g. "Worsino" in German for vorsino).</summary>
    public async Task<EditResult> AddAliasAsync(string targetId, string language, string alias, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(alias) || alias.Contains('\n'))
            return EditResult.Failed(AliasFile, targetId, "alias", "must be a non-empty single line");
        var current = store.Current;
        if (current.Park(targetId) is null && current.Fact(targetId) is null)
            return EditResult.Failed(AliasFile, targetId, "target", $"no fact or park with id '{targetId}'");
        return await ApplyAsync(AliasFile, "aliases", new Dictionary<string, string>(), list =>
        {
            var entry = new YamlMappingNode();
            entry.Add("target", YamlFileEditor.Quoted(targetId));
            entry.Add("lang", YamlFileEditor.Quoted(language));
            entry.Add("alias", YamlFileEditor.Quoted(alias.Trim()));
            list.Add(entry);
        }, cancellationToken);
    }

    /// <summary>Adds a new fact with one sourced, dated value to <see cref="FactFile"/>.</summary>
    public Task<EditResult> AddFactAsync(FactDraft draft, CancellationToken cancellationToken = default) =>
        ApplyAsync(FactFile, "facts", new Dictionary<string, string> { ["topic"] = "staff" }, list => list.Add(ToNode(draft)), cancellationToken);

    private async Task<EditResult> ApplyAsync(string relative, string listKey, IDictionary<string, string> header,
        Action<YamlSequenceNode> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var path = Path.Combine(store.Folder, relative);
            string content;
            try
            {
                var (stream, list) = YamlFileEditor.Open(path, listKey, header);
                change(list);
                content = YamlFileEditor.Render(stream);
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                return EditResult.Failed(relative, null, null, $"the existing file is not valid YAML: {e.Message}");
            }
            var check = KnowledgeLoader.Load(store.Folder, new Dictionary<string, string> { [relative] = content });
            if (!check.IsValid) return new EditResult(false, check.Problems);

            await YamlFileEditor.WriteAtomicallyAsync(path, content, cancellationToken);
            var reload = store.Reload();
            return reload.IsValid ? EditResult.Success : new EditResult(false, reload.Problems);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static YamlMappingNode ToNode(FactDraft draft)
    {
        var fact = new YamlMappingNode();
        fact.Add("id", YamlFileEditor.Quoted(draft.Id));
        fact.Add("topic", YamlFileEditor.Quoted(draft.Topic));
        fact.Add("title", YamlFileEditor.PerLanguage(draft.Titles));
        if (draft.Aliases.Count > 0)
        {
            var aliases = new YamlMappingNode();
            foreach (var (language, items) in draft.Aliases)
                aliases.Add(language, new YamlSequenceNode(items.Select(YamlFileEditor.Quoted)));
            fact.Add("aliases", aliases);
        }
        if (draft.Entities.Count > 0) fact.Add("entities", new YamlSequenceNode(draft.Entities.Select(YamlFileEditor.Quoted)));

        var value = new YamlMappingNode();
        var text = draft.Value.Trim();
        var isNumber = decimal.TryParse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);
        value.Add("value", isNumber || text is "true" or "false" ? YamlFileEditor.Plain(text) : YamlFileEditor.Quoted(text));
        if (!string.IsNullOrWhiteSpace(draft.Unit)) value.Add("unit", YamlFileEditor.Quoted(draft.Unit));
        if (draft.Label.Count > 0) value.Add("label", YamlFileEditor.PerLanguage(draft.Label));
        value.Add("as_of", YamlFileEditor.Quoted(draft.AsOf));
        value.Add("source", YamlFileEditor.Quoted(draft.Source));
        if (!string.IsNullOrWhiteSpace(draft.SourceTitle)) value.Add("source_title", YamlFileEditor.Quoted(draft.SourceTitle));
        if (!string.IsNullOrWhiteSpace(draft.Note)) value.Add("note", YamlFileEditor.Quoted(draft.Note));
        fact.Add("values", new YamlSequenceNode(value));
        return fact;
    }
}
