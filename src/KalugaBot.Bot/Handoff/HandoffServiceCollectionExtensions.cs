using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Bot.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>Contact capture, leads, staff notification outbox and live hand-off to agency staff.</summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services) => services;
}
