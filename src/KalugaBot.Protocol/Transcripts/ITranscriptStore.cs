using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.Transcripts;

public interface ITranscriptLogger
{
    /// <summary>Stores the activities of one turn, in order.</summary>
    Task LogActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);
}

/// <summary>Reads and deletes stored transcripts, as Bot Builder's ITranscriptStore (page size 20, token = last id).</summary>
public interface ITranscriptStore : ITranscriptLogger
{
    Task<PagedResult<Activity>> GetTranscriptActivitiesAsync(string channelId, string conversationId, string? continuationToken = null, DateTimeOffset startDate = default, CancellationToken cancellationToken = default);
    Task<PagedResult<TranscriptInfo>> ListTranscriptsAsync(string channelId, string? continuationToken = null, CancellationToken cancellationToken = default);
    /// <summary>Every activity of a conversation in order, for exports and reviews.</summary>
    Task<IReadOnlyList<Activity>> GetAllActivitiesAsync(string conversationId, CancellationToken cancellationToken = default);
    Task DeleteTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken = default);
}

public sealed class PagedResult<T>
{
    public IReadOnlyList<T> Items { get; init; } = [];
    public string? ContinuationToken { get; init; }
}

public sealed class TranscriptInfo
{
    public string ChannelId { get; init; } = "";
    public string Id { get; init; } = "";
    public DateTimeOffset Created { get; init; }
}
