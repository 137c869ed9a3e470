using Microsoft.Extensions.Options;

namespace KalugaBot.Host.WebChat;

/// <summary>Response headers of the chat page: only this host's scripts, and framing only by the allowed origins.</summary>
public sealed class WebChatSecurityHeaders(IOptions<WebChatOptions> options)
{
    private readonly string _contentSecurityPolicy = BuildPolicy(options.Value);
    private readonly bool _framedElsewhere = options.Value.AllowedOrigins.Length > 0;

    public string ContentSecurityPolicy => _contentSecurityPolicy;

    public void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = _contentSecurityPolicy;
        // X-Frame-Options cannot list origins; frame-ancestors above is the real rule, this only covers old browsers.
        if (!_framedElsewhere) headers.XFrameOptions = "SAMEORIGIN";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }

    private static string BuildPolicy(WebChatOptions options)
    {
        var ancestors = string.Join(' ', ["'self'", .. options.AllowedOrigins.Select(WebChatOptionsValidator.Normalize).OfType<string>()]);
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            // Web Chat injects its component styles at run time (emotion); it has no external style sheet to allow instead.
            "style-src 'self' 'unsafe-inline'",
            // data:/blob: are Web Chat's own avatars, Adaptive Card images and attachment previews.
            "img-src 'self' data: blob:",
            "media-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            $"frame-ancestors {ancestors}");
    }
}
