using System.Text.Json.Serialization;
using KalugaBot.Knowledge.Facts;

namespace KalugaBot.Knowledge.Matching.Scoring;

[JsonConverter(typeof(JsonStringEnumConverter<CriterionStatus>))]
public enum CriterionStatus
{
    Met,
    NotMet,
    /// <summary>The knowledge has no value: never counted as met; the bot offers to ask the agency.</summary>
    NotPublished,
}

/// <summary>How one site does on one criterion, with the value (and its source) the verdict rests on.</summary>
/// <param name="Hard">A hard constraint: a site whose data contradicts it is not recommended.</param>
/// <param name="Wanted">The investor's figure in canonical units (ha, MW, km, m³/h, m³/day), when there is one.</param>
public sealed record CriterionResult(string Criterion, CriterionStatus Status, bool Hard, double? Wanted, SourcedValue? Evidence)
{
    /// <summary>Residents of the same industry (industry criterion only).</summary>
    public IReadOnlyList<SourcedValue> Residents { get; init; } = [];
}
