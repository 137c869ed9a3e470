using KalugaBot.Protocol.Builder;

namespace KalugaBot.Bot.Handoff.Contact;

/// <summary>What the investor already told other features (site matching): pre-fills the contact form and goes into the lead.</summary>
public interface IInvestorProfileSource
{
    Task<InvestorProfile?> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

public sealed class InvestorProfile
{
    public string? Company { get; init; }
    public string? Country { get; init; }
    /// <summary>The stated requirements (area, power, sector…), as label → value.</summary>
    public IReadOnlyDictionary<string, string> Criteria { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> RecommendedSites { get; init; } = [];
}

/// <summary>Used until a feature that knows the investor is registered: nothing known.</summary>
public sealed class NoInvestorProfile : IInvestorProfileSource
{
    public Task<InvestorProfile?> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.FromResult<InvestorProfile?>(null);
}
