using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>Token routes: the page's own same-origin token endpoint, tokens/generate (secret) and tokens/refresh.</summary>
public static class DirectLineTokenEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, RouteGroupBuilder directLine, string pageTokenPath)
    {
        // The web page's backend: no secret reaches the browser; each call mints a new conversation-scoped token.
        endpoints.MapPost(pageTokenPath, (HttpRequest request, DirectLineTokens tokens, CancellationToken ct) => IssueAsync(request, tokens, ct))
            .AddEndpointFilter(DirectLineRateLimit.Filter).DisableAntiforgery();

        directLine.MapPost("/tokens/generate", async (HttpContext http, DirectLineTokens tokens) =>
        {
            var (caller, problem) = DirectLineCaller.From(http);
            if (problem is not null) return problem;
            if (!caller!.HasSecret) return DirectLineProblems.Problem(403, "Forbidden", "tokens/generate needs the Direct Line secret.");
            return await IssueAsync(http.Request, tokens, http.RequestAborted);
        }).AddEndpointFilter(DirectLineRateLimit.Filter);

        directLine.MapPost("/tokens/refresh", (HttpContext http, DirectLineTokens tokens) =>
        {
            var (caller, problem) = DirectLineCaller.From(http);
            if (problem is not null) return problem;
            if (caller!.Token is not { } claims) return DirectLineProblems.Problem(400, "BadArgument", "Refresh needs a token, not the secret.");
            // A new token; the old one stays valid until its own expiry.
            return Results.Json(new DirectLineConversation
            {
                ConversationId = claims.ConversationId,
                Token = tokens.Issue(claims.ConversationId, claims.UserId),
                ExpiresIn = tokens.LifetimeSeconds,
            }, ProtocolJson.Options);
        });
    }

    private static async Task<IResult> IssueAsync(HttpRequest request, DirectLineTokens tokens, CancellationToken cancellationToken)
    {
        var (parameters, problem) = await DirectLineRequests.ReadOptionalAsync<TokenParameters>(request, cancellationToken);
        if (problem is not null) return problem;
        var conversationId = DirectLineRequests.NewConversationId();
        var userId = DirectLineRequests.UserIdFrom(parameters?.User);
        return Results.Json(new DirectLineConversation
        {
            ConversationId = conversationId,
            Token = tokens.Issue(conversationId, userId),
            ExpiresIn = tokens.LifetimeSeconds,
            UserId = userId,
        });
    }
}
