using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>Who is calling a Direct Line route: the holder of a conversation token, or a server with the secret.</summary>
public sealed record DirectLineCaller(DirectLineTokenClaims? Token, bool HasSecret)
{
    public bool MayAccess(string conversationId) => HasSecret || string.Equals(Token?.ConversationId, conversationId, StringComparison.Ordinal);

    public static (DirectLineCaller? Caller, IResult? Problem) From(HttpRequest request, DirectLineTokens tokens, DirectLineOptions options)
    {
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header)) return (null, DirectLineProblems.MissingToken());
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return (null, DirectLineProblems.BadToken());
        var value = header["Bearer ".Length..].Trim();
        if (!string.IsNullOrEmpty(options.Secret) && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(value), System.Text.Encoding.UTF8.GetBytes(options.Secret)))
            return (new DirectLineCaller(null, true), null);
        return FromToken(value, tokens);
    }

    /// <summary>The holder of a conversation token given without a header (the WebSocket stream URL carries it).</summary>
    public static (DirectLineCaller? Caller, IResult? Problem) FromToken(string token, DirectLineTokens tokens) =>
        tokens.Verify(token, out var claims) switch
        {
            DirectLineTokens.Verdict.Valid => (new DirectLineCaller(claims, false), null),
            DirectLineTokens.Verdict.Expired => (null, DirectLineProblems.TokenExpired()),
            _ => (null, DirectLineProblems.BadToken()),
        };

    public static (DirectLineCaller? Caller, IResult? Problem) From(HttpContext http) =>
        From(http.Request, http.RequestServices.GetRequiredService<DirectLineTokens>(), http.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value);
}
