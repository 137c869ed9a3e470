using KalugaBot.Protocol.Auth;
using KalugaBot.Protocol.Channels;
using KalugaBot.Protocol.Connector;
using KalugaBot.Protocol.State;
using KalugaBot.Protocol.Storage;
using KalugaBot.Protocol.Transcripts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol;

public static class ProtocolServiceCollectionExtensions
{
    /// <summary>The Bot Framework host: adapter, channel auth, Connector client, LiteDB storage and transcripts.</summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services)
    {
        services.AddOptions<BotAuthOptions>().BindConfiguration(BotAuthOptions.Section)
            .Validate(o => o.IsValid(out _), "Invalid Bot settings: an app tenant/password needs Bot:MicrosoftAppId; Bot:ClockSkew 0..30 min.")
            .ValidateOnStart();
        services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.Section)
            .Validate(o => o.IsValid(), "Invalid Bot:Connector settings (MaxRetries 0..10, non-negative delays).")
            .ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => o.IsValid(), "Invalid Storage settings: DataFolder and FileName needed; 0 < CheckpointIdleLogMegabytes <= CheckpointMaxLogMegabytes; CheckpointIdle 0..1 h; CacheSegmentPages 12..1000.")
            .ValidateOnStart();
        services.TryAddSingleton<SeenActivities>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(ConnectorSender.HttpClientName, (sp, http) =>
            http.Timeout = sp.GetRequiredService<IOptions<ConnectorOptions>>().Value.Timeout);
        services.AddHttpClient(BotTokenProvider.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(ChannelAuthenticator.MetadataHttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));

        services.TryAddSingleton<LiteDbContext>();
        services.AddHostedService<LiteDbLogCheckpoints>();
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
