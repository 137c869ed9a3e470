using KalugaBot.Bot.Routing;
using KalugaBot.Bot.Teams.Proactive;
using KalugaBot.Bot.Teams.Rendering;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Transcripts;
using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Bot.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>Microsoft Teams behaviour: mentions, card actions, installation updates, reactions, per-channel rendering,
    /// and the conversation references and proactive messenger other features use to post into Teams.</summary>
    public static IServiceCollection AddTeamsSupport(this IServiceCollection services)
    {
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<ReactionLog>();
        services.AddSingleton<IChannelRenderer, TeamsRenderer>();
        services.AddSingleton<ITurnInterceptor, TeamsTurnInterceptor>();

        // Right after the transcript logger (which keeps the activity as the channel sent it and records replies as rendered),
        // before the locale middleware (which must read the text without the @mention).
        InsertMiddlewareAfterTranscripts(services,
            ServiceDescriptor.Singleton<IMiddleware, TeamsInboundMiddleware>(),
            ServiceDescriptor.Singleton<IMiddleware, AdaptiveCardActionMiddleware>(),
            ServiceDescriptor.Singleton<IMiddleware, ConversationReferenceMiddleware>(),
            ServiceDescriptor.Singleton<IMiddleware, ChannelRenderingMiddleware>());
        return services;
    }

    // The adapter runs IMiddleware in registration order, and AddBotRuntime has registered its middleware already.
    private static void InsertMiddlewareAfterTranscripts(IServiceCollection services, params ServiceDescriptor[] middleware)
    {
        var index = -1;
        for (var i = 0; i < services.Count; i++)
            if (services[i].ServiceType == typeof(IMiddleware) && services[i].ImplementationType == typeof(TranscriptLoggerMiddleware))
                index = i;
        if (index < 0)
        {
            foreach (var descriptor in middleware) services.Add(descriptor);
            return;
        }
        for (var i = 0; i < middleware.Length; i++) services.Insert(index + 1 + i, middleware[i]);
    }
}
