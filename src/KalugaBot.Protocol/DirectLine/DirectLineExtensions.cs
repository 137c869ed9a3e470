using KalugaBot.Protocol.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>Direct Line 3.0 served by the host itself, so Web Chat talks to the bot on the same origin.</summary>
public static class DirectLineExtensions
{
    /// <summary>Where the host's own page gets a token (same origin, no secret in the browser).</summary>
    public const string PageTokenPath = "/api/directline/token";
    public const string BasePath = "/v3/directline";

    /// <summary>Call before AddConnectorSender: the Direct Line sender must be asked first.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section)
            .Validate(o => o.IsValid(), "Invalid DirectLine settings (TokenLifetime ≥ 20 min, positive limits, ChannelId and BotId set).")
            .ValidateOnStart();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineStore>();
        services.AddSingleton<DirectLineStreams>();
        services.AddSingleton<DirectLineRateLimit>();
        services.AddSingleton<IChannelSender, DirectLineSender>();
        return services;
    }

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        // The stream route needs the WebSocket middleware; a WebApplication is both builders, so the feature adds it itself.
        if (endpoints is IApplicationBuilder app) app.UseWebSockets();
        var directLine = endpoints.MapGroup(BasePath).DisableAntiforgery();
        DirectLineTokenEndpoints.Map(endpoints, directLine, PageTokenPath);
        DirectLineConversationEndpoints.Map(directLine);
        DirectLineStreamEndpoint.Map(directLine);
        return endpoints;
    }
}
