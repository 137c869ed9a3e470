using KalugaBot.Protocol.Builder;

namespace KalugaBot.Bot.Handoff.Contact;

/// <summary>The hand-off on its own knows nothing about the investor; site matching registers the real source.</summary>
public sealed class NoInvestorProfile : IInvestorProfileSource
{
    public Task<InvestorProfile?> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.FromResult<InvestorProfile?>(null);
}
