using Microsoft.Extensions.Options;

namespace KalugaBot.Host.WebChat;

/// <summary>Refuses to start with an origin that browsers would never send, so a typo does not silently block the agency's site.</summary>
public sealed class WebChatOptionsValidator : IValidateOptions<WebChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WebChatOptions options)
    {
        var failures = new List<string>();
        foreach (var origin in options.AllowedOrigins ?? [])
        {
            if (Normalize(origin) is null)
                failures.Add($"WebChat:AllowedOrigins: '{origin}' is not an origin; write scheme://host[:port] with http or https, no path, no wildcard.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The origin as browsers send it (lower case, default port dropped), or null when it is not one.</summary>
    public static string? Normalize(string? origin)
    {
        if (string.IsNullOrWhiteSpace(origin) || origin.Contains('*')) return null;
        if (!Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return null;
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0) return null;
        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }
}
