using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Bot.Matching;

public static class MatchingServiceCollectionExtensions
{
    /// <summary>Requirement extraction, site scoring and the matching dialog.</summary>
    public static IServiceCollection AddSiteMatching(this IServiceCollection services) => services;
}
