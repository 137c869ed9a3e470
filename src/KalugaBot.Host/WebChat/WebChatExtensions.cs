namespace KalugaBot.Host.WebChat;

/// <summary>The investor-facing web chat page and its embeddable snippet.</summary>
public static class WebChatExtensions
{
    public static IServiceCollection AddWebChat(this IServiceCollection services) => services;

    /// <summary>CORS for pages of other origins that embed the chat (none allowed by default).</summary>
    public static IApplicationBuilder UseWebChatCors(this IApplicationBuilder app) => app;

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints) => endpoints;
}
