using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace KalugaBot.Host.WebChat;

/// <summary>CORS for the few endpoints another website's script needs: Direct Line, the token endpoint, the page strings.</summary>
public static class WebChatCors
{
    public const string PolicyName = "KalugaBot.WebChat";

    private static readonly string[] CrossOriginPaths = ["/v3/directline", "/api/directline", "/webchat/strings.json"];

    /// <summary>The headers botframework-directlinejs sends on every call (see the protocol digest §4.5).</summary>
    private static readonly string[] DirectLineHeaders = ["Authorization", "Content-Type", "Accept", "x-ms-bot-agent"];

    public static bool AppliesTo(PathString path) =>
        CrossOriginPaths.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    internal sealed class ConfigureCors(IOptions<WebChatOptions> webChat) : IConfigureOptions<CorsOptions>
    {
        public void Configure(CorsOptions options) => options.AddPolicy(PolicyName, policy =>
        {
            var origins = webChat.Value.AllowedOrigins
                .Select(WebChatOptionsValidator.Normalize).OfType<string>().ToArray();
            policy.WithOrigins(origins)
                .WithMethods("GET", "POST")
                .WithHeaders(DirectLineHeaders)
                .WithExposedHeaders("Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        });
    }
}
