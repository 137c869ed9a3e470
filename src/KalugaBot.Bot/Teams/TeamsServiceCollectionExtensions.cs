using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Bot.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>Microsoft Teams behaviour: mentions, installation updates, reactions, per-channel rendering.</summary>
    public static IServiceCollection AddTeamsSupport(this IServiceCollection services) => services;
}
