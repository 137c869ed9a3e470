using KalugaBot.Knowledge.Facts;

namespace KalugaBot.Knowledge.Matching.Scoring;

/// <summary>One site scored against the investor's requirements.</summary>
public sealed record SiteMatch(Park Park, IReadOnlyList<CriterionResult> Criteria, double Score, IReadOnlyList<SourcedValue> Benefits)
{
    /// <summary>No hard constraint is contradicted by the site's data.</summary>
    public bool Eligible => !Criteria.Any(c => c.Hard && c.Status == CriterionStatus.NotMet);

    public int MetCount => Criteria.Count(c => c.Status == CriterionStatus.Met);
    public int NotPublishedCount => Criteria.Count(c => c.Status == CriterionStatus.NotPublished);

    /// <summary>Recommendable: eligible and fits at least one stated criterion.</summary>
    public bool Recommendable => Eligible && MetCount > 0;

    public CriterionResult? For(string criterion) => Criteria.FirstOrDefault(c => c.Criterion == criterion);
}
