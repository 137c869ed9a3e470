using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace KalugaBot.Host.WebChat;

/// <summary>The investor-facing web chat page and its embeddable snippet.</summary>
public static class WebChatExtensions
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddWebChat(this IServiceCollection services)
    {
        services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>();
        services.AddCors();
        services.AddSingleton<IConfigureOptions<CorsOptions>, WebChatCors.ConfigureCors>();
        services.AddSingleton<WebChatSecurityHeaders>();
        services.AddSingleton<WebChatFiles>();
        return services;
    }

    /// <summary>CORS for pages of other origins that embed the chat (none allowed by default).</summary>
    public static IApplicationBuilder UseWebChatCors(this IApplicationBuilder app) =>
        app.UseWhen(context => WebChatCors.AppliesTo(context.Request.Path), branch => branch.UseCors(WebChatCors.PolicyName));

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.ServiceProvider.GetRequiredService<WebChatFiles>();
        if (!files.Exists(WebChatFiles.BundlePath))
        {
            endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebChatExtensions))
                .LogWarning("The Web Chat bundle wwwroot/{Bundle} is missing: build the host with Node.js/npm available so it is installed", WebChatFiles.BundlePath);
        }

        endpoints.MapMethods("/", GetOrHead, (HttpContext context) => files.Serve(context, "index.html", isPage: true)).ExcludeFromDescription();
        endpoints.MapMethods("/embed.js", GetOrHead, (HttpContext context) => files.Serve(context, "embed.js")).ExcludeFromDescription();
        endpoints.MapGet(WebChatSocketProbe.Path, WebChatSocketProbe.AnswerAsync).ExcludeFromDescription();
        endpoints.MapMethods("/webchat/{**path}", GetOrHead, (HttpContext context, string path) => files.Serve(context, "webchat/" + path)).ExcludeFromDescription();
        endpoints.MapMethods("/lib/{**path}", GetOrHead, (HttpContext context, string path) => files.Serve(context, "lib/" + path)).ExcludeFromDescription();
        return endpoints;
    }
}
