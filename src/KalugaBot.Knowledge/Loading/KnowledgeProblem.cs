namespace KalugaBot.Knowledge.Loading;

/// <summary>One thing wrong in the knowledge folder, located precisely enough for staff to fix it.</summary>
public sealed record KnowledgeProblem(string File, string? EntryId, string? Field, string Message, int? Line = null)
{
    public override string ToString()
    {
        var where = Line is { } line ? $"{File}:{line}" : File;
        var entry = EntryId is null ? "" : $" [{EntryId}]";
        var field = Field is null ? "" : $" {Field}:";
        return $"{where}{entry}{field} {Message}";
    }
}
