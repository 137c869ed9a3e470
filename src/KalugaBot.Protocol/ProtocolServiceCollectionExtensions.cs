using KalugaBot.Protocol.Auth;
using KalugaBot.Protocol.Channels;
using KalugaBot.Protocol.Connector;
using KalugaBot.Protocol.State;
using KalugaBot.Protocol.Storage;
using KalugaBot.Protocol.Transcripts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KalugaBot.Protocol;

public static class ProtocolServiceCollectionExtensions
{
    /// <summary>The Bot Framework host: adapter, channel auth, Connector client, LiteDB storage and transcripts.</summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services)
    {
        services.AddOptions<BotAuthOptions>().BindConfiguration(BotAuthOptions.Section);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddMemoryCache();
        services.AddHttpClient(ConnectorSender.HttpClientName);

        services.TryAddSingleton<LiteDbContext>();
        services.TryAddSingleton<IStorage, LiteDbStorage>();
        services.TryAddSingleton<ConversationState>();
        services.TryAddSingleton<UserState>();
        services.TryAddSingleton<LiteDbTranscriptStore>();
        services.TryAddSingleton<ITranscriptStore>(sp => sp.GetRequiredService<LiteDbTranscriptStore>());
        services.TryAddSingleton<ITranscriptLogger>(sp => sp.GetRequiredService<LiteDbTranscriptStore>());

        services.TryAddSingleton<IChannelAuthenticator, ChannelAuthenticator>();
        services.TryAddSingleton<IBotTokenProvider, BotTokenProvider>();
        services.TryAddSingleton<CloudAdapter>();
        return services;
    }

    /// <summary>The Connector REST sender; register it after channel-specific senders, it accepts any serviceUrl.</summary>
    public static IServiceCollection AddConnectorSender(this IServiceCollection services) =>
        services.AddSingleton<IChannelSender, ConnectorSender>();
}
