namespace KalugaBot.Knowledge.Search;

/// <summary>What Semantic Kernel sees of a retrieved document (<see cref="KnowledgeTextSearch"/>).</summary>
/// <param name="Text">English rendering: title, values with labels and as-of dates.</param>
/// <param name="Link">Source URL of the newest value, when there is one.</param>
/// <param name="IsUnknown">Nothing is published about it: never state a figure.</param>
public sealed record KnowledgeRecord(string Id, string Title, string Text, string? Link, string? AsOf, bool IsUnknown, double Score)
{
    public static KnowledgeRecord From(KnowledgeHit hit)
    {
        var newest = hit.Document.Parts.Select(p => p.Newest).OfType<Facts.SourcedValue>().FirstOrDefault()
                     ?? hit.Document.Listed.Select(l => l.Value).FirstOrDefault();
        var title = hit.Text.Split(':', 2)[0];
        return new KnowledgeRecord(hit.Id, title, hit.Text, newest?.Source.ToString(), newest?.AsOf.Text, hit.Document.IsUnknown, hit.Score);
    }
}
