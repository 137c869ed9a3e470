using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Channels;
using KalugaBot.Protocol.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>Conversation routes of Direct Line 3.0: start, reconnect, post an activity, get activities, upload (the stream is
/// <see cref="DirectLineStreamEndpoint"/>).</summary>
public static class DirectLineConversationEndpoints
{
    public static void Map(RouteGroupBuilder directLine)
    {
        directLine.MapPost("/conversations", StartAsync).AddEndpointFilter(DirectLineRateLimit.Filter);
        directLine.MapGet("/conversations/{conversationId}", Reconnect);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivities);
        directLine.MapPost("/conversations/{conversationId}/upload", (HttpContext http, string conversationId) =>
            Authorize(http, conversationId, out _) ?? DirectLineProblems.Problem(501, "NotSupported", "File upload is not supported by this host; send text instead."));
    }

    private static async Task<IResult> StartAsync(HttpContext http, DirectLineStore store, DirectLineTokens tokens, IOptions<DirectLineOptions> options,
        CloudAdapter adapter, IBot bot, ILogger<DirectLineStore> logger)
    {
        var (caller, problem) = DirectLineCaller.From(http);
        if (problem is not null) return problem;
        var (parameters, bodyProblem) = await DirectLineRequests.ReadOptionalAsync<TokenParameters>(http.Request, http.RequestAborted);
        if (bodyProblem is not null) return bodyProblem;

        // A token names its conversation; the secret starts a new one.
        var conversationId = caller!.Token?.ConversationId ?? DirectLineRequests.NewConversationId();
        var userId = caller.Token?.UserId ?? DirectLineRequests.UserIdFrom(parameters?.User);
        var token = caller.Token is null ? tokens.Issue(conversationId, userId) : http.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();

        var created = store.Start(conversationId, userId, parameters?.Locale, out var log);
        if (created)
        {
            // The bot hears about the new member at once (welcome message); the client never sees conversationUpdate.
            var update = Incoming(http, log, options.Value, new Activity { Type = ActivityTypes.ConversationUpdate, Name = null });
            update.MembersAdded = [update.Recipient!, update.From!];
            try { await adapter.ProcessActivityAsync(update, null, bot, CancellationToken.None); }
            catch (Exception ex) { logger.LogError(ex, "The bot failed on the start of Direct Line conversation {ConversationId}", conversationId); }
        }
        var body = new DirectLineConversation
        {
            ConversationId = conversationId, Token = token, ExpiresIn = tokens.LifetimeSeconds,
            StreamUrl = DirectLineStreamEndpoint.UrlFor(http.Request, log, tokens),
        };
        return Results.Json(body, ProtocolJson.Options, statusCode: created ? 201 : 200);
    }

    private static IResult Reconnect(HttpContext http, string conversationId, DirectLineStore store, DirectLineTokens tokens)
    {
        if (Authorize(http, conversationId, out _) is { } problem) return problem;
        if (store.Find(conversationId) is not { } log) return DirectLineProblems.UnknownConversation();
        // DLJS takes conversationId and token from this answer, so both must be present.
        return Results.Json(new DirectLineConversation
        {
            ConversationId = log.Id, Token = tokens.Issue(log.Id, log.UserId), ExpiresIn = tokens.LifetimeSeconds,
            StreamUrl = DirectLineStreamEndpoint.UrlFor(http.Request, log, tokens, DirectLineRequests.Watermark(http.Request)),
        }, ProtocolJson.Options);
    }

    private static async Task<IResult> PostActivityAsync(HttpContext http, string conversationId, DirectLineStore store, IOptions<DirectLineOptions> options,
        CloudAdapter adapter, IBot bot, ILogger<DirectLineStore> logger)
    {
        if (Authorize(http, conversationId, out var caller) is { } problem) return problem;
        if (store.Find(conversationId) is not { } log) return DirectLineProblems.UnknownConversation();
        var read = await ActivityReader.ReadAsync(http.Request, http.RequestAborted);
        if (read.Problem is not null) return read.Problem;

        var activity = Incoming(http, log, options.Value, read.Activity!, caller!.Token?.UserId);
        // Record (echo) before the bot runs, so the user's message precedes the replies; typing is not kept.
        var id = activity.IsType(ActivityTypes.Typing) ? $"{log.Id}|typing" : store.Append(log, activity);
        if (id is null) return DirectLineProblems.UnknownConversation(); // erased while this request read its body
        try
        {
            // The turn completes even if the client goes away; its replies land in the log.
            await adapter.ProcessActivityAsync(activity, null, bot, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The bot failed on activity {ActivityId}", id);
            return Results.Json(new { error = new { code = "BotError", message = "Failed to send activity: the bot failed." }, id }, statusCode: 502);
        }
        return Results.Json(new ResourceResponse(id), ProtocolJson.Options);
    }

    private static IResult GetActivities(HttpContext http, string conversationId, DirectLineStore store, IOptions<DirectLineOptions> options)
    {
        if (Authorize(http, conversationId, out _) is { } problem) return problem;
        if (store.Find(conversationId) is not { } log) return DirectLineProblems.UnknownConversation();
        return new ActivitySetResult(store, log, DirectLineRequests.Watermark(http.Request), options.Value.MaxActivitiesPerGet);
    }

    private static IResult? Authorize(HttpContext http, string conversationId, out DirectLineCaller? caller)
    {
        (caller, var problem) = DirectLineCaller.From(http);
        if (problem is not null) return problem;
        return caller!.MayAccess(conversationId) ? null : DirectLineProblems.WrongConversation();
    }

    /// <summary>The channel's side of an incoming activity: addressing, identities and serviceUrl are set by the host, never trusted from the client.</summary>
    private static Activity Incoming(HttpContext http, ConversationLog log, DirectLineOptions options, Activity activity, string? tokenUserId = null)
    {
        activity.ChannelId = options.ChannelId;
        activity.ServiceUrl = DirectLineRequests.ServiceUrl(http.Request);
        activity.Conversation = new ConversationAccount(log.Id);
        activity.From = new ChannelAccount(tokenUserId ?? activity.From?.Id ?? log.UserId, activity.From?.Name, RoleTypes.User);
        activity.Recipient = new ChannelAccount(options.BotId, options.BotName, RoleTypes.Bot);
        activity.Locale ??= log.Locale;
        activity.DeliveryMode = null; // replies go to the log, never back in this response
        activity.CallerId = null;
        return activity;
    }
}
